// The page Jianwen was designed from, scored against an editor's marking of its entities and links.
// Reads ../shared/samples; skips with a message where that folder is absent.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../ingest/index.js";
import { loadTagger } from "../../ingest/tagger.js";
import { loadSegmenter } from "../../ingest/segmenter.js";
import { scoreAgainstEditor, type EditorMarking } from "../fixtures/editor-score.js";

const SAMPLE = fileURLToPath(new URL("../../../shared/samples/liaocheng-daily-2023-02-06-p1.txt", import.meta.url));
const MARKING = JSON.parse(
  readFileSync(new URL("../fixtures/liaocheng-p1.editor.json", import.meta.url), "utf8"),
) as EditorMarking;
const present = existsSync(SAMPLE);
if (!present)
  console.warn(`sample-page tests skipped: ${SAMPLE} is absent (the shared folder sits beside the project)`);

const tagger = await loadTagger();

it("loads the shipped sequence model", () => {
  expect(tagger).toBeDefined();
  // 周明远 (characters 4 to 7) is a person to the model, whatever else it finds.
  expect(tagger?.tag("市委书记周明远主持会议")).toContainEqual({ start: 4, end: 7, type: "PER" });
});

describe.skipIf(!present).each([
  { reading: "rules and gazetteers", tagger: undefined, segmenter: undefined },
  { reading: "rules with the trained model and word boundaries", tagger, segmenter: loadSegmenter() },
])("the Liaocheng Daily front page of 2023-02-06, read by $reading", ({ tagger, segmenter }) => {
  const doc = present
    ? extractDocument(
        { text: readFileSync(SAMPLE, "utf8"), meta: {}, origin: { file: SAMPLE }, kind: "page" },
        { tagger, segmenter },
      )
    : { articles: [], entities: [], relations: [] };

  it("splits into at least 7 articles, each dated from the masthead", () => {
    expect(doc.articles.length).toBeGreaterThanOrEqual(7);
    for (const a of doc.articles) expect(a.date).toBe("2023-02-06");
  });
  it("finds all five entity types, with 李长萍, 聊城市 and 市委常委会会议", () => {
    expect(new Set(doc.entities.map((e) => e.type))).toEqual(
      new Set(["Person", "Organization", "Place", "Project", "Meeting"]),
    );
    expect(doc.entities).toContainEqual(expect.objectContaining({ type: "Person", name: "李长萍" }));
    expect(doc.entities).toContainEqual(expect.objectContaining({ type: "Place", name: "聊城市", code: "371500" }));
    expect(doc.entities).toContainEqual(
      expect.objectContaining({ type: "Meeting", name: "市委常委会会议", date: "2023-02-03" }),
    );
  });
  it("finds at least 95% of what the editor marks, at least 90% of it right, and 80% of the links", () => {
    const score = scoreAgainstEditor(doc, MARKING);
    expect(score.recall, `missed: ${score.missed.join(", ")}`).toBeGreaterThanOrEqual(0.95);
    expect(score.precision, `spurious: ${score.spurious.join(", ")}`).toBeGreaterThanOrEqual(0.9);
    expect(score.linkRecall, `missed links: ${score.missedLinks.join(", ")}`).toBeGreaterThanOrEqual(0.8);
  });
  it("makes one node of a shorthand and its full name (市工信局 is 聊城市工业和信息化局, not a second node)", () => {
    for (const short of ["市工信局", "市商务局", "市委办公室", "山东省政府新闻办"]) {
      const holders = doc.entities.filter((e) => e.name === short || e.aliases.includes(short));
      expect(
        holders.map((e) => e.name),
        short,
      ).toHaveLength(1);
      expect(holders[0]!.name).not.toBe(short);
    }
  });
  it("gives every relation the sentence it came from", () => {
    for (const r of doc.relations)
      expect(r.evidence.every((e) => e.sentence.length > 0 && doc.articles.some((a) => a.id === e.article))).toBe(true);
  });
});
