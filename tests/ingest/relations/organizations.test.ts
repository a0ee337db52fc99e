// Where organizations are and what they belong to, read through the whole extraction. The sentences are written
// for these tests in the manner of several papers; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";
import type { GraphDoc } from "../../../core/model.js";

const tagger = await loadTagger();
const segmenter = loadSegmenter();

function read(text: string): GraphDoc {
  return extractDocument(
    {
      text,
      meta: { title: "测试稿", date: "2024-05-10", source: "人民日报" },
      origin: { file: "organizations.test" },
      kind: "article",
    },
    { tagger, segmenter },
  );
}
const rels = (doc: GraphDoc, type: string) => {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations.filter((r) => r.type === type).map((r) => `${name.get(r.source)}>${name.get(r.target)}`);
};

describe("LOCATED_IN", () => {
  it.each([
    ["近日，岚皋县城关镇东坝村党支部书记陈明说，路修好了。", "岚皋县城关镇东坝村党支部>东坝村"],
    ["记者走进岚皋县城关镇东坝村。村委会主任刘强说，路修好了。", "东坝村村委会>东坝村"],
    ["天津市规划资源局滨海分局副局长张伟介绍，修复已完成。", "天津市规划资源局滨海分局>滨海新区"],
    ["宁波舜宇光学科技有限公司位于余姚市。", "宁波舜宇光学科技有限公司>余姚市"],
    ["宁乡市委书记刘伟表示，要把产业做强。", "中共宁乡市委>宁乡市"],
  ])("%s → %s", (text, expected) => {
    expect(rels(read(text), "LOCATED_IN")).toContain(expected);
  });

  it("places a company named by its province in the county the story is about", () => {
    const doc = read(
      "桐庐县地处浙西。桐庐县近年来大力发展快递物流业，桐庐县的乡村也因此富了起来。" +
        "浙江华丰茶业有限公司总经理王明说，今年新茶销路很好。",
    );
    expect(rels(doc, "LOCATED_IN")).toEqual(
      expect.arrayContaining(["浙江华丰茶业有限公司>浙江省", "浙江华丰茶业有限公司>桐庐县"]),
    );
  });

  it("does not place a province's company in a county the story names only once", () => {
    const doc = read("桐庐县的快递车辆进村入户。浙江华丰茶业有限公司总经理王明说，今年新茶销路很好。");
    expect(rels(doc, "LOCATED_IN")).not.toContain("浙江华丰茶业有限公司>桐庐县");
  });

  it("gives a national body no place (中国农业科学院 is no body of 中国's territory)", () => {
    expect(rels(read("中国农业科学院今天发布报告。"), "LOCATED_IN")).toEqual([]);
  });
});

describe("PART_OF", () => {
  it("puts an institute under the academy the article also names", () => {
    const doc = read("由中国农业科学院主办、中国农业科学院茶叶研究所承办的茶产业论坛在杭州举行。");
    expect(rels(doc, "PART_OF")).toContain("中国农业科学院茶叶研究所>中国农业科学院");
  });

  it("relates no two bodies that merely stand side by side (中共中央国务院)", () => {
    expect(rels(read("中共中央国务院印发意见。"), "PART_OF")).toEqual([]);
  });
});

describe("what is no organization's name", () => {
  const orgNames = (text: string) =>
    extractDocument(
      { text, meta: { title: "测试稿", date: "2024-05-10" }, origin: { file: "organizations.test" }, kind: "article" },
      { tagger, segmenter },
    )
      .entities.filter((e) => e.type === "Organization")
      .map((e) => e.name);
  it.each([
    ["俄称击落乌导弹\n乌称打击俄控制中心", /称/],
    ["当地卫生部门称希法医院内仍有患者被困。", /称/],
    ["美国丹佛一摩托车俱乐部遭到枪击。", /一摩托车/],
  ])("%s", (text, wrong) => {
    expect(orgNames(text).filter((n) => wrong.test(n))).toEqual([]);
  });
  it("keeps a school numbered after its place (德令哈一中)", () => {
    expect(orgNames("德令哈一中的学生参加了比赛。")).toContain("德令哈一中");
  });
});

describe("a class of bodies is no organization", () => {
  it("reads no body after 各 (鼓励各国际单项体育联合会)", () => {
    const names = extractDocument(
      {
        text: "国际奥委会鼓励各国际单项体育联合会恢复运动员的参赛权利。",
        meta: { title: "测试稿", date: "2024-05-10" },
        origin: { file: "organizations.test" },
        kind: "article",
      },
      { tagger, segmenter },
    ).entities.map((e) => e.name);
    expect(names).not.toContain("国际单项体育联合会");
  });
});
