// Ingest settings, shards and the progress figures: parsed and checked before a run starts.
import { describe, expect, it } from "vitest";
import { SettingsError } from "../../../core/errors.js";
import { parseCount, parseShard, resolveIngestSettings } from "../../../ingest/batch/settings.js";
import { contentHash, inShard, shardOf } from "../../../ingest/batch/shard.js";
import { duration, progressLine, rates } from "../../../ingest/batch/progress.js";
import { newStats } from "../../../ingest/batch/stats.js";
import { parseByteSize, parseJsonlFields, resolveReadSettings } from "../../../ingest/read/settings.js";

describe("ingest settings", () => {
  it("fills defaults and keeps given values", () => {
    const s = resolveIngestSettings({ workers: 0, batchSize: 50 });
    expect(s.workers).toBe(0);
    expect(s.batchSize).toBe(50);
    expect(s.concurrency).toBeGreaterThanOrEqual(1);
  });

  it.each([{ batchSize: 0 }, { concurrency: 0 }, { workers: -1 }, { batchArticles: 1.5 }])("refuses %j", (partial) => {
    expect(() => resolveIngestSettings(partial)).toThrow(SettingsError);
  });

  it.each(["0/2", "3/2", "1", "a/b", "1/2/3", ""])("refuses the shard %j", (text) => {
    expect(() => parseShard(text)).toThrow(SettingsError);
  });

  it("parses a shard and whole-number options", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseCount("--workers", "0", 0)).toBe(0);
    expect(() => parseCount("--workers", "two")).toThrow(SettingsError);
  });
});

describe("read settings from the command line", () => {
  it("parses sizes with units", () => {
    expect(parseByteSize("200MB")).toBe(200 * 1024 * 1024);
    expect(parseByteSize("4kb")).toBe(4096);
    expect(parseByteSize("1.5G")).toBe(1.5 * 1024 ** 3);
    expect(() => parseByteSize("big")).toThrow(SettingsError);
  });

  it("parses JSONL field renames and refuses unknown keys", () => {
    expect(parseJsonlFields("title=headline, text=body")).toEqual({ title: "headline", text: "body" });
    expect(() => parseJsonlFields("body=text")).toThrow(SettingsError);
    expect(() => parseJsonlFields("title=")).toThrow(SettingsError);
  });

  it("refuses a non-positive size limit", () => {
    expect(() => resolveReadSettings({ maxBytes: 0 })).toThrow(SettingsError);
  });
});

describe("shards by content hash", () => {
  const texts = Array.from({ length: 300 }, (_, i) => ({ text: `第${i}条新闻，青河县召开会议。` }));

  it("puts every document in exactly one shard", () => {
    for (const doc of texts) {
      const owners = [1, 2, 3].filter((index) => inShard(doc, { index, count: 3 }));
      expect(owners).toHaveLength(1);
    }
  });

  it("spreads documents over the shards", () => {
    const sizes = [1, 2, 3].map((index) => texts.filter((doc) => inShard(doc, { index, count: 3 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(50);
  });

  it("gives the same shard for the same text whatever the surrounding whitespace", () => {
    expect(shardOf(contentHash({ text: " 青河县 \n" }), 7)).toBe(shardOf(contentHash({ text: "青河县" }), 7));
  });
});

describe("progress figures", () => {
  it("computes rates and an ETA from the bytes read", () => {
    const stats = {
      ...newStats(),
      startedAt: 0,
      bytesRead: 250,
      bytesTotal: 1000,
      articlesRead: 20,
      charsExtracted: 10_000,
    };
    const r = rates(stats, 10_000);
    expect(r.articlesPerS).toBe(2);
    expect(r.charsPerS).toBe(1000);
    expect(r.fraction).toBe(0.25);
    expect(r.etaS).toBeCloseTo(30);
    expect(progressLine({ ...stats, startedAt: Date.now() - 10_000 })).toContain("20 articles");
  });

  it("has no ETA when the total is unknown (standard input)", () => {
    expect(rates({ ...newStats(), bytesRead: 10 }).etaS).toBeNull();
  });

  it("writes durations the way people read them", () => {
    expect([duration(5), duration(65), duration(3725)]).toEqual(["5s", "1m05s", "1h02m"]);
  });
});
