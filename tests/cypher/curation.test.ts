// The curation file without a database: decisions appended as blocks and read back, undo (and undo of an undo),
// errors that name the line, and how two facts fold into one when two nodes are merged.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldFact, foldLink } from "../../cypher/curation/apply.js";
import { appendDecision, effectiveDecisions, parseCuration, readCuration } from "../../cypher/curation/file.js";

describe("curation file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jianwen-curation-unit-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("appends numbered, stamped blocks and reads them back; a missing file holds none", async () => {
    const file = join(dir, "a", "curation.yaml");
    expect((await readCuration(file)).decisions).toEqual([]);
    const now = new Date("2026-11-30T08:00:00Z");
    await appendDecision(file, { action: "reject", node: "person:会议强调", by: "甲", note: "不是人名" }, now);
    await appendDecision(file, { action: "rename", node: "org:x", from: "旧", to: "新", by: "乙" }, now);
    const d3 = await appendDecision(file, { action: "undo", decision: "c1", by: "甲" }, now);
    expect(d3).toEqual({ id: "c3", action: "undo", decision: "c1", by: "甲", at: "2026-11-30T08:00:00.000Z" });
    const text = await readFile(file, "utf8");
    expect(text.split("\n\n- id:")).toHaveLength(4);
    const { decisions } = await readCuration(file);
    expect(decisions.map((d) => d.id)).toEqual(["c1", "c2", "c3"]);
    expect(effectiveDecisions(decisions).active.map((d) => d.id)).toEqual(["c2"]);
    await expect(appendDecision(file, { action: "undo", decision: "c7", by: "甲" })).rejects.toThrow(/no decision c7/);
    await expect(
      appendDecision(file, { action: "merge", node: "person:a1", into: "person:a1", intoName: "a", by: "甲" }),
    ).rejects.toThrow(/merged into itself/);
  });

  it("lets an undo of an undo restore the decision", () => {
    const at = "2026-11-30T08:00:00Z";
    const { decisions } = parseCuration(
      [
        `- {id: c1, action: reject, node: "person:甲乙", by: x, at: "${at}"}`,
        `- {id: c2, action: undo, decision: c1, by: x, at: "${at}"}`,
        `- {id: c3, action: undo, decision: c2, by: x, at: "${at}"}`,
      ].join("\n"),
      "f.yaml",
    );
    const { active, undone } = effectiveDecisions(decisions);
    expect(active.map((d) => d.id)).toEqual(["c1"]);
    expect(undone).toEqual([]);
  });

  it.each([
    ["- id: c1\n  action: reject\n  by: x\n  at: 2026-11-30T08:00:00Z\n", "f.yaml: line 1: decision 1: node:"],
    [
      "- {id: c1, action: reject, node: 'person:甲乙', by: x, at: '2026-11-30T08:00:00Z'}\n\n- id: c2\n  action: explode\n",
      "f.yaml: line 3: decision 2: action: action must be one of",
    ],
    ["- id: c1\n  action: reject\n  node: a: b\n  by: x\n", "f.yaml: line 3: not valid YAML: Nested mappings"],
    ["action: reject\n", "f.yaml: line 1: the file must be a YAML list"],
    [
      "- {id: c1, action: undo, decision: c4, by: x, at: '2026-11-30T08:00:00Z'}\n",
      "line 1: decision c1: undoes c4, which no earlier decision is",
    ],
    [
      "- {id: c1, action: reject, node: 'person:甲乙', by: x, at: 'yesterday'}\n",
      "line 1: decision 1: at: an ISO date and time",
    ],
    [
      "- {id: c1, action: reject, node: 'person:甲乙', by: x, at: '2026-11-30T08:00:00Z', extra: 1}\n",
      "line 1: decision 1:",
    ],
  ])("refuses %j naming the line", (text, message) => {
    expect(() => parseCuration(text, "f.yaml")).toThrow(message);
  });
});

describe("folding two facts", () => {
  const int = (n: number) => neo4j.int(n);
  it("unions articles and evidence, recounts, widens the span and keeps former only when all say so", () => {
    const kept = {
      key: "副县长",
      title: "副县长",
      articleIds: ["a1", "a3"],
      articles: int(2),
      evidenceCount: int(2),
      evidenceDates: ["2023-05-20", "2023-04-02"],
      evidenceArticles: ["a3", "a1"],
      evidenceSentences: ["s3", "s1"],
      firstSeen: "2023-04-02",
      lastSeen: "2023-05-20",
      formerIn: int(0),
      former: false,
    };
    const merged = {
      key: "副县长",
      title: "副县长",
      articleIds: ["a2", "a3"],
      articles: int(2),
      evidenceCount: int(2),
      evidenceDates: ["2023-06-01", "2023-05-20"],
      evidenceArticles: ["a2", "a3"],
      evidenceSentences: ["s2", "s3"],
      firstSeen: "2023-05-20",
      lastSeen: "2023-06-01",
      formerIn: int(2),
      former: true,
    };
    const out = foldFact(kept, merged);
    expect(out.articleIds).toEqual(["a1", "a3", "a2"]);
    expect(Number(out.articles)).toBe(3);
    expect(Number(out.evidenceCount)).toBe(3);
    expect(out.evidenceArticles).toEqual(["a2", "a3", "a1"]);
    expect(out.evidenceSentences).toEqual(["s2", "s3", "s1"]);
    expect([out.firstSeen, out.lastSeen]).toEqual(["2023-04-02", "2023-06-01"]);
    expect([Number(out.formerIn), out.former]).toEqual([2, false]);
  });

  it("adds up an article's mention counts and keeps the kept node's sentence", () => {
    const out = foldLink({ count: int(2), sentence: "甲" }, { count: int(1), sentence: "乙" });
    expect([Number(out.count), out.sentence]).toEqual([3, "甲"]);
  });
});
