// PART_OF between places, read through the whole extraction (rules, tagger, word boundaries). The sentences are
// written for these tests in the manner of several papers; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";
import type { GraphDoc } from "../../../core/model.js";

const tagger = await loadTagger();
const segmenter = loadSegmenter();

function read(text: string): GraphDoc {
  return extractDocument(
    { text, meta: { title: "测试稿", date: "2024-06-03" }, origin: { file: "places.test" }, kind: "article" },
    { tagger, segmenter },
  );
}
const nameOf = (doc: GraphDoc, id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
const partOf = (doc: GraphDoc) =>
  doc.relations.filter((r) => r.type === "PART_OF").map((r) => `${nameOf(doc, r.source)}>${nameOf(doc, r.target)}`);
const placeNames = (doc: GraphDoc) => doc.entities.filter((e) => e.type === "Place").map((e) => e.name);

describe("a chain written together gives each place the one before it", () => {
  it.each([
    ["河南兰考县东坝头镇张庄村如今游客不断。", ["东坝头镇>兰考县", "张庄村>东坝头镇"]],
    ["江西省赣州市于都县罗坳镇鹧鸪垇村山清水秀。", ["于都县>赣州市", "罗坳镇>于都县", "鹧鸪垇村>罗坳镇"]],
    ["福建省泉州市，泉州古城区的老街焕发新生。", ["泉州古城区>泉州市"]],
    ["汛期前，湖南省常德市石门县皂市水库已腾出库容。", ["皂市水库>石门县"]],
  ])("%s", (text, links) => {
    expect(partOf(read(text))).toEqual(expect.arrayContaining(links));
  });

  it("gives a list after a chain the same parent (A市B水库、C水库)", () => {
    const doc = read("四川省绵阳市沉抗水库、鲁班水库今年蓄水充足。");
    expect(partOf(doc)).toEqual(expect.arrayContaining(["沉抗水库>绵阳市", "鲁班水库>绵阳市"]));
  });
});

describe("coded places link to the nearest ancestor the article names, and unnamed ancestors stay out", () => {
  it("links a county to its province when the city is not named (浙江安吉县)", () => {
    const doc = read("浙江省安吉县的竹林碳汇项目今年扩面。");
    expect(partOf(doc)).toContain("安吉县>浙江省");
    expect(placeNames(doc)).not.toContain("湖州市");
  });

  it("links a village to its town, the town to its county and the county past the unnamed city (嘉鱼县 → 湖北省)", () => {
    const doc = read("湖北省嘉鱼县新街镇港东村油菜花开，游客纷纷前往。");
    expect(partOf(doc)).toEqual(expect.arrayContaining(["新街镇>嘉鱼县", "港东村>新街镇", "嘉鱼县>湖北省"]));
    expect(placeNames(doc)).not.toContain("咸宁市");
  });

  it("gives a place with no named ancestor its whole division chain, so a city's places include it", () => {
    const doc = read("嘉鱼县今年新建高标准农田三万亩。");
    expect(partOf(doc)).toEqual(expect.arrayContaining(["嘉鱼县>咸宁市", "咸宁市>湖北省"]));
  });
});

describe("what the text says of a place", () => {
  it("places a site by 位于", () => {
    const doc = read("湖南省岳阳市境内，黄盖湖水库位于临湘市，灌溉面积十余万亩。");
    expect(partOf(doc)).toContain("黄盖湖水库>临湘市");
  });

  it("puts a zone in the division its name begins with (宜昌高新区 → 宜昌市)", () => {
    expect(partOf(read("湖北省宜昌市，宜昌高新区新落户企业十二家。"))).toContain("宜昌高新区>宜昌市");
  });

  it("puts a region written with a province's character in that province (闽西地区 → 福建省)", () => {
    expect(partOf(read("福建省文旅厅介绍，闽西地区的红色旅游持续升温。"))).toContain("闽西地区>福建省");
  });

  it("puts the outermost named place inside a macro-region's members into it (河北省 ⊂ 京津冀, 万州区 ⊂ 三峡库区)", () => {
    const links = partOf(read("京津冀协同发展十年，河北省保定市承接了大批项目。三峡库区的重庆市万州区柑橘丰收。"));
    expect(links).toEqual(expect.arrayContaining(["河北省>京津冀", "万州区>三峡库区"]));
    expect(links).not.toContain("保定市>京津冀");
  });
});
