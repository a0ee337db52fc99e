// The Segmenter boundary: word boundaries from nodejieba, and model spans that cut through a word set aside. Tags
// are looked up in JavaScript (ingest/jieba/tags.ts), so they are checked against nodejieba's own tag() run in a
// child process: there it can load other dictionaries and add words without touching this process's segmenter.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { idfStubPath, readTagTable, specialTag, splitFields } from "../../ingest/jieba/tags.js";
import { loadSegmenter, wordBoundaries, wordsOf, type Segmenter } from "../../ingest/segmenter.js";
import { extractDocument, type SpanTagger } from "../../ingest/index.js";

type Tagged = Array<{ word: string; tag: string }>;
interface Reference {
  tags: Tagged[];
  cuts: string[][];
  /** tag() of each word of `untagged` after insertWord(word, ""): cppjieba's SpecialRule on it. */
  untagged: Tagged[];
}

/** nodejieba in a fresh process: load(files) (its defaults when undefined), then its own tag() and cut(). */
function nodejieba(
  texts: string[],
  files?: { dict: string; userDict: string; idfDict?: string },
  untagged: string[] = [],
): Reference {
  const script = `
    const lib = require(${JSON.stringify(createRequire(import.meta.url).resolve("nodejieba"))});
    const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    lib.load(input.files);
    const tags = input.texts.map((t) => lib.tag(t));
    const cuts = input.texts.map((t) => lib.cut(t, true));
    const untagged = input.untagged.map((w) => (lib.insertWord(w, ""), lib.tag(w)));
    process.stdout.write(JSON.stringify({ tags, cuts, untagged }));`;
  const run = spawnSync(process.execPath, ["-e", script], {
    input: JSON.stringify({ texts, files, untagged }),
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`nodejieba child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Reference;
}

const SENTENCES = [
  "",
  " ",
  "市委书记周明远主持会议并讲话",
  "2024年3月12日，全市GDP增长5.2%，居民人均可支配收入38,000元，增幅高于3.14个百分点。",
  "Apple发布iPhone 15，NBA球星LeBron James出席；COVID-19疫情、PM2.5、5G网络、A股B股H股、Z世代、T恤衫。",
  "a 5 ab a1 1a 12 123abc abc123 x1 1x a12 12a aa1 1aa 3G4G5G C++ C# .NET AT&T",
  "Ｗｉｎｄｏｗｓ和ＡＢＣ公司：１２３、ｘ１ｙ２、①②③、一二三四五六七八九十",
  "云计算和区块链是蓝翔的韩玉鉴赏，区块链技术，云计算中心。",
  "龘靐齉爩、侵华日军南京大屠杀遇难同胞纪念馆、隆重纪念中国人民抗日战争暨世界反法西斯战争胜利80周年",
  "😀表情👍符号𠀀𠀁 \ud800孤立代理\udc00 \uFEFF开头",
  "tab\there\nnew line\r\nCRLF\u0000 e-mail：test@example.com https://www.example.com/a?b=1",
  "русский текст, 日本語のテキスト, 한국어, ä ö ü é ß ﬁ …—·「」『』【】",
  ...readdirSync(new URL("../../samples/", import.meta.url))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(new URL(`../../samples/${f}`, import.meta.url), "utf8")),
];

describe("loadSegmenter", () => {
  it("cuts Chinese into words that give the text back", () => {
    const text = "市委书记周明远主持会议并讲话";
    const words = loadSegmenter().cut(text);
    expect(words.length).toBeGreaterThan(3);
    expect(words.join("")).toBe(text);
  });

  // Words nodejieba is given untagged (insertWord(word, "")), so its tag() answers them by SpecialRule: code points
  // counted, not UTF-16 units; the count stops at half the word; a one-character word stays "x".
  const UNTAGGED = ["𠀀1a", "𠀀a1", "中1a", "中a1", "中中1a", "😀😀12ab", "1ab", "ab1", "７", "q", "１２"];
  let reference: Reference;
  beforeAll(() => {
    reference = nodejieba(SENTENCES, undefined, UNTAGGED);
  });

  it("tags as nodejieba's own tag() does with its default load(): same words, same tags, same order", () => {
    const segmenter = loadSegmenter();
    const tags = SENTENCES.map((text) => segmenter.tag!(text));
    expect(tags).toEqual(reference.tags);
    expect(tags.flat().length).toBeGreaterThan(500);
    for (const tag of ["x", "m", "eng", "nz", "ns", "nr", "v"])
      expect(tags.flat().some((w) => w.tag === tag)).toBe(true);
  });

  it("cuts as nodejieba does with its default load() (the IDF stand-in changes no cut)", () => {
    expect(idfStubPath()).toBeDefined();
    const segmenter = loadSegmenter();
    expect(SENTENCES.map((text) => segmenter.cut(text))).toEqual(reference.cuts);
  });

  it("places the same words with the same tags in wordsOf", () => {
    const segmenter = loadSegmenter();
    SENTENCES.forEach((text, i) => {
      let at = 0;
      const expected = reference.tags[i]!.flatMap(({ word, tag }) => {
        const start = text.indexOf(word, at);
        if (start < 0) return [];
        at = start + word.length;
        return [{ word, tag, start, end: at }];
      });
      expect(wordsOf(segmenter, text)).toEqual(expected);
    });
  });

  it("gives a word no dictionary tags cppjieba's SpecialRule tag", () => {
    expect(UNTAGGED.map((word) => [{ word, tag: specialTag(word) }])).toEqual(reference.untagged);
    expect(reference.untagged.map((w) => w[0]!.tag).join(" ")).toBe("m eng m eng eng eng m eng x x x");
  });
});

describe("readTagTable", () => {
  it("reads dictionaries as cppjieba's DictTrie does", () => {
    const dir = mkdtempSync(join(tmpdir(), "jianwen-jieba-"));
    try {
      const dict = join(dir, "dict.utf8");
      const user1 = join(dir, "user1.utf8");
      const user2 = join(dir, "user2.utf8");
      // A byte-order mark stays part of the first word; a later line for the same word wins; a trailing space
      // ends the line without a fourth field.
      writeFileSync(
        dict,
        "\uFEFF开头 5 n\n苹果 100 n\n苹果 100 v\n香蕉 50 nz \n云朵 20 ns\n白云 20 ns\nab 10 nx\n水果 30 n\n",
      );
      // A word alone is untagged even where the main dictionary tags it; four fields insert nothing; "\r" stays.
      writeFileSync(user1, "云朵\n白云 a\n新词 5 vn\n水果 1 2 3\n\n回车 nz\r\n");
      writeFileSync(user2, "苹果 nr");
      const files = { dict, userDict: `${user1}|${user2}`, idfDict: idfStubPath()! };
      const texts = ["\uFEFF开头苹果香蕉云朵白云新词水果回车\r", "苹果和香蕉ab都是水果", "白云下的云朵", "ab 12 a1"];
      const reference = nodejieba(texts, files);
      const table = readTagTable(dict, files.userDict);
      expect(reference.cuts.map((words) => words.map((word) => ({ word, tag: table.tagOf(word) })))).toEqual(
        reference.tags,
      );
      expect(["苹果", "香蕉", "云朵", "白云", "新词", "水果", "回车", "\uFEFF开头", "ab"].map(table.tagOf)).toEqual([
        "nr",
        "nz",
        "x",
        "a",
        "vn",
        "n",
        "nz\r",
        "n",
        "nx",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("splits fields as limonp does", () => {
    expect(splitFields("a b c", " ")).toEqual(["a", "b", "c"]);
    expect(splitFields("a b c ", " ")).toEqual(["a", "b", "c"]);
    expect(splitFields("a  b", " ")).toEqual(["a", "", "b"]);
    expect(splitFields("", " ")).toEqual([]);
    expect(splitFields("x|y;z", "|;")).toEqual(["x", "y", "z"]);
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
