// Stage times of one extraction: every stage is counted, the tagger's time is `model` and not also `mentions`,
// and timing a document changes nothing in what is extracted.
import { describe, expect, it } from "vitest";
import { EXTRACT_STAGES, extractDocument, newStageTimes, type SpanTagger } from "../../ingest/index.js";
import type { RawDocument } from "../../ingest/index.js";

const RAW: RawDocument = {
  text: "临河日报社出版 中共德州市委机关报\n2024年3月12日 星期二 第6120期\n\n本报讯 市委书记周明远在临河县调研茶园建设，县长岑望舒陪同。\n",
  meta: {},
  origin: { file: "t.txt" },
  kind: "page",
};

/** A tagger that proposes nothing and takes a known minimum time per call. */
function slowTagger(ms: number): SpanTagger & { calls: number } {
  const tagger = {
    calls: 0,
    tag() {
      tagger.calls++;
      const until = performance.now() + ms;
      while (performance.now() < until);
      return [];
    },
  };
  return tagger;
}

describe("extraction stage times", () => {
  it("counts the tagger as model, the rest in their own stages, and adds up to the document's time", () => {
    extractDocument(RAW); // loads the gazetteers and dictionaries, which the first document pays for
    const times = newStageTimes();
    const tagger = slowTagger(30);
    const began = performance.now();
    extractDocument(RAW, { tagger, timings: times });
    const total = performance.now() - began;
    expect(tagger.calls).toBeGreaterThan(0);
    expect(times.model).toBeGreaterThanOrEqual(30 * tagger.calls);
    // Mentions without the tagger's time: far below one tagger call on a two-sentence article.
    expect(times.mentions).toBeLessThan(times.model);
    for (const stage of EXTRACT_STAGES) expect(times[stage]).toBeGreaterThanOrEqual(0);
    const sum = EXTRACT_STAGES.reduce((a, s) => a + times[s], 0);
    expect(sum).toBeLessThanOrEqual(total + 1);
    expect(sum).toBeGreaterThan(total * 0.8);
  });

  it("adds to the times it is given and leaves the extracted document as it is", () => {
    const times = newStageTimes();
    const first = extractDocument(RAW, { timings: times });
    const afterOne = { ...times };
    const second = extractDocument(RAW, { timings: times });
    expect(second).toEqual(first);
    expect(extractDocument(RAW)).toEqual(first);
    expect(times.relate).toBeGreaterThan(afterOne.relate);
    expect(times.model).toBe(0);
  });
});
