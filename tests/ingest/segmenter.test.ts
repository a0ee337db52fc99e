// The Segmenter boundary: word boundaries from nodejieba, and model spans that cut through a word set aside.
import { describe, expect, it } from "vitest";
import { loadSegmenter, wordBoundaries, type Segmenter } from "../../ingest/segmenter.js";
import { extractDocument, type SpanTagger } from "../../ingest/index.js";

describe("loadSegmenter", () => {
  it("cuts Chinese into words that give the text back", () => {
    const text = "市委书记周明远主持会议并讲话";
    const words = loadSegmenter().cut(text);
    expect(words.length).toBeGreaterThan(3);
    expect(words.join("")).toBe(text);
  });
});

describe("wordBoundaries", () => {
  it("locates each word even where the segmenter drops whitespace", () => {
    const fake: Segmenter = { cut: () => ["市委", "书记"] };
    expect([...wordBoundaries(fake, "市委 书记")].sort((a, b) => a - b)).toEqual([0, 2, 3, 5]);
  });
});

describe("model spans and word boundaries", () => {
  const text = "临河日报社出版 中共德州市委机关报\n2024年3月12日\n\n本报讯 会上，韩立新宣读了表彰决定。";
  const raw = { text, meta: {}, origin: { file: "t.txt" }, kind: "page" as const };
  // A model that proposes only a fragment of the name: 韩立, ending inside the word 韩立新.
  const tagger: SpanTagger = {
    tag: (t) => {
      const at = t.indexOf("韩立新");
      return [{ start: at, end: at + 2, type: "PER" }];
    },
  };
  const words: Segmenter = { cut: (t) => t.replace("韩立新宣读", "|韩立新|宣读|").split("|").filter(Boolean) };
  const persons = (segmenter?: Segmenter) =>
    extractDocument(raw, { tagger, segmenter })
      .entities.filter((e) => e.type === "Person")
      .map((e) => e.name);

  it("takes the fragment when no segmenter is given", () => {
    expect(persons()).toContain("韩立");
  });
  it("drops a span that ends inside a word", () => {
    expect(persons(words)).not.toContain("韩立");
  });
});
