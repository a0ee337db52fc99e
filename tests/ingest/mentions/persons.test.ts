// Person names against the segmenter's words and the derived given-name character rates. Sentences are written
// for these tests.
import { describe, expect, it } from "vitest";
import { givenNamePlausible, indexWords, nameAt } from "../../../ingest/mentions/person-names.js";
import { findPersons } from "../../../ingest/mentions/persons.js";
import { loadSegmenter, wordsOf } from "../../../ingest/segmenter.js";

const segmenter = loadSegmenter();
const wordsFor = (text: string) => indexWords(wordsOf(segmenter, text));

describe("given names are made of characters people are named with", () => {
  it.each(["张伟", "李秀英", "王建国", "刘国中", "陈晓燕"])("%s is plausible", (name) => {
    expect(givenNamePlausible(name)).toBe(true);
  });
  it.each(["陈列室", "康养", "易涝点", "解决新", "高铁站"])("%s is a word, not a name", (word) => {
    expect(givenNamePlausible(word)).toBe(false);
  });
});

describe("a name read where it starts", () => {
  it.each([
    ["总经理何俊峰说，今年订单不少。", 3, "何俊峰"],
    ["厂长王刚问大家有什么困难。", 2, "王刚"],
    ["他们毕业后回到家乡。", 2, null],
    ["代表和群众深入交流。", 2, null],
  ])("%s at %i", (text, at, name) => {
    expect(nameAt(text, at, wordsFor(text))).toBe(name);
  });
});

describe("findPersons", () => {
  it("takes a name after a role word and every later occurrence", () => {
    const text = "村民覃桂兰正在地里忙活。覃桂兰说，今年的橘子甜。";
    const found = findPersons(text, [], [], wordsFor(text));
    expect(found.map((p) => `${p.text}@${p.start}`)).toEqual(["覃桂兰@2", "覃桂兰@12"]);
  });

  it("makes no person of a role word's next words", () => {
    const text = "不少大学生毕业后回到家乡创业。";
    expect(findPersons(text, [], [], wordsFor(text))).toEqual([]);
  });
});
