// The extraction pool: worker threads (running the compiled dist/ worker) give the same graph documents as
// extraction on the main thread, a document that fails comes back as a failure, not a crash, and a worker that
// dies fails its document and tells the run, which stops.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionError } from "../../../core/errors.js";
import { createPool, workerScript, type ExtractPool } from "../../../ingest/batch/pool.js";
import type { RawDocument } from "../../../ingest/types.js";

const built = existsSync(fileURLToPath(workerScript()));
const DYING = new URL("../../fixtures/dying-worker.mjs", import.meta.url);
const STORIES = [
  "本报讯 3月5日上午，青河县委常委会召开会议，县委书记韩立松主持会议并讲话。县长苏明远出席会议。",
  "本报讯 3月6日，石门县召开物流园项目推进会，副县长周文澜参加会议。",
  "本报讯 3月7日，临川县委书记沈雨辰在县委常委会会议上强调，要抓好春耕生产。",
];
const raw = (text: string, line: number): RawDocument => ({
  text,
  meta: { title: `第${line}条` },
  origin: { file: "mem.jsonl", line },
  kind: "article",
});

describe.skipIf(!built)("the extraction pool", () => {
  const pools: ExtractPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("gives the same documents from two worker threads as inline", async () => {
    const threads = await createPool(2, false);
    const inline = await createPool(0, false);
    pools.push(threads, inline);
    const fromThreads = await Promise.all(STORIES.map((s, i) => threads.extract(raw(s, i + 1))));
    const fromInline = await Promise.all(STORIES.map((s, i) => inline.extract(raw(s, i + 1))));
    expect(fromThreads.every((r) => r.ok)).toBe(true);
    const docs = (rs: typeof fromThreads) => rs.map((r) => (r.ok ? r.doc : null));
    expect(docs(fromThreads)).toEqual(docs(fromInline));
    expect(fromThreads.map((r) => r.chars)).toEqual(STORIES.map((s) => s.length));
  });

  it("returns a failure for a document the pipeline refuses, and keeps working", async () => {
    const pool = await createPool(1, false);
    pools.push(pool);
    const bad = await pool.extract(raw("no Chinese here at all", 9));
    expect(bad.ok).toBe(false);
    const good = await pool.extract(raw(STORIES[0]!, 10));
    expect(good.ok).toBe(true);
  });
});

describe("a pool whose worker dies", () => {
  it("fails the worker's document, tells the run once, and no longer asks the dead worker", async () => {
    const pool = await createPool(1, false, { script: DYING });
    try {
      const deaths: ExtractionError[] = [];
      pool.onFatal((error) => deaths.push(error));
      const result = await pool.extract(raw(STORIES[0]!, 1));
      expect(result.ok).toBe(false);
      const later = await pool.extract(raw(STORIES[1]!, 2));
      expect(later.ok).toBe(false);
      expect(deaths).toHaveLength(1);
      expect(deaths[0]).toBeInstanceOf(ExtractionError);
      expect(await pool.stats()).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it("refuses to start without its worker script", async () => {
    const missing = new URL("./no-such-worker.js", DYING);
    await expect(createPool(1, false, { script: missing })).rejects.toBeInstanceOf(ExtractionError);
  });
});
