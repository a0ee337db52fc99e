// Organization mentions as Chinese news writes them, read through the whole extraction (rules, tagger, word
// boundaries). The sentences are written for these tests in the manner of several papers; none is taken from a
// corpus.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";
import type { EntityDoc, GraphDoc } from "../../../core/model.js";

const tagger = await loadTagger();
const segmenter = loadSegmenter();

function read(text: string, source = "人民日报"): GraphDoc {
  return extractDocument(
    {
      text,
      meta: { title: "测试稿", date: "2024-05-10", source },
      origin: { file: "organizations.test" },
      kind: "article",
    },
    { tagger, segmenter },
  );
}
const orgs = (doc: GraphDoc): EntityDoc[] => doc.entities.filter((e) => e.type === "Organization");
// The paper's publisher (人民日报社) is named by every article; the tests look at what the text names.
const names = (doc: GraphDoc) =>
  orgs(doc)
    .map((e) => e.name)
    .filter((n) => n !== "人民日报社");

describe("an organization's name opens after the verb, adverb or pronoun before it", () => {
  it.each([
    ["社区工作人员随即前往物业公司协调解决。", []],
    ["展台前，他拿出公司新研制的一款无人机。", []],
    ["各地要坚决防止各种利益集团干扰决策。", []],
    ["当地引入杭州绿城置业发展集团，把旧厂房改造成文创街区。", ["杭州绿城置业发展集团"]],
    ["她毕业于西北农林科技大学，回乡创办了果蔬专业合作社。", ["西北农林科技大学"]],
  ])("%s → %j", (text, expected) => {
    expect(names(read(text))).toEqual(expected);
  });
});

describe("suffix-headed names", () => {
  it.each([
    ["中国农业科学院茶叶研究所研究员陈宗懋介绍了新品种。", "中国农业科学院茶叶研究所"],
    ["天津市规划资源局滨海分局副局长张伟介绍，修复已完成。", "天津市规划资源局滨海分局"],
    ["人力资源和社会保障部今天发布数据。", "人力资源和社会保障部"],
    ["近日，岚皋县城关镇东坝村党支部书记陈明说，路修好了。", "岚皋县城关镇东坝村党支部"],
  ])("%s → %s", (text, name) => {
    expect(names(read(text))).toContain(name);
  });

  it("ends a company's name before its office when a title follows (…有限公司|办公室主任)", () => {
    const doc = read("贵州黔丰铝业有限公司办公室主任王力说，订单已排到年底。");
    expect(names(doc)).toEqual(["贵州黔丰铝业有限公司"]);
  });

  it("reads no body in common words ending in a head character (布局, 干部, 东北部)", () => {
    expect(names(read("新兴产业布局加快，全县党员干部深入一线，县城位于省境东北部。"))).toEqual([]);
  });
});

describe("party committees written short", () => {
  it.each([
    ["宁乡市委书记刘伟表示，要把产业做强。", "中共宁乡市委", "宁乡市委"],
    ["奉节县县委书记李强说，脐橙产业带动了全县增收。", "中共奉节县县委", "奉节县县委"],
  ])("%s → %s", (text, name, alias) => {
    const e = orgs(read(text)).find((o) => o.name === name);
    expect(e?.aliases).toContain(alias);
  });
});

describe("short forms resolved against the places the article names", () => {
  const county =
    "本报讯 岚皋县今年以来持续改善农村公路。县交通运输局组织技术人员进村勘测。岚皋县茶园面积扩大。县委书记王刚调研时强调，要加快进度。";
  it.each([
    [county, "岚皋县交通运输局", "县交通运输局"],
    [county, "中共岚皋县委", "县委"],
    ["格尔木市文化旅游节开幕。格尔木市新建城市书房12个，市图书馆负责日常运营。", "格尔木市图书馆", "市图书馆"],
    ["在云南调研时，省委办公厅负责同志陪同。云南各地积极推进。", "中共云南省委办公厅", "省委办公厅"],
  ])("%#: %s → %s", (text, name, alias) => {
    const e = orgs(read(text)).find((o) => o.name === name);
    expect(e?.aliases).toContain(alias);
  });

  it("leaves a short form alone where the article names no such place", () => {
    expect(names(read("县交通运输局组织技术人员进村勘测。"))).toEqual([]);
  });
});

describe("organization names never begin with a reporting word nor describe a place", () => {
  it("cuts 另据 and 通报 off the name after them", async () => {
    const { findOrganizations } = await import("../../../ingest/mentions/organizations.js");
    const { contextFor } = await import("../../../ingest/context.js");
    const text = "另据俄联邦紧急情况部消息，火势已被控制。会议通报应急管理部工作进展。";
    const names = findOrganizations(text, contextFor("新华社", null, null), []).map((m) => m.text);
    expect(names).not.toContain("另据俄联邦紧急情况部");
    expect(names.some((n) => n.startsWith("通报"))).toBe(false);
  });
});

describe("a name's left edge covers the words of the same noun phrase", () => {
  it.each([
    ["中国驻挪威大使馆日前举办新春招待会。", "中国驻挪威大使馆"],
    ["东盟-韩国合作基金会今天宣布资助新项目。", "东盟-韩国合作基金会"],
    ["欧盟-乌兹别克斯坦合作理事会在布鲁塞尔举行会议。", "欧盟-乌兹别克斯坦合作理事会"],
    ["国家超级计算广州中心的算力支撑了这项研究。", "国家超级计算广州中心"],
    ["博鳌亚洲论坛秘书处今天发布报告。", "博鳌亚洲论坛秘书处"],
  ])("%s → %s", (text, name) => {
    expect(names(read(text))).toEqual([name]);
  });

  it("gives the second mission of a list the sender the first one names (中国驻葡萄牙、希腊大使馆)", () => {
    const e = orgs(read("中国驻葡萄牙、希腊大使馆也举办了招待会。")).find((o) => o.name === "中国驻希腊大使馆");
    expect(e?.aliases).toContain("希腊大使馆");
  });

  it("ends the name at a deputy's seat or a former post before it", () => {
    expect(names(read("全国人大代表华北制药集团技术员李明说，要加快研发。"))).toEqual(["华北制药集团"]);
    const former = names(read("河北省保定市政府原党组成员、副市长张明接受审查。"));
    expect(former.some((n) => n.includes("原"))).toBe(false);
    expect(names(read("时任湖南省交通运输厅副厅长的李明主持会议。"))).toEqual(["湖南省交通运输厅"]);
  });

  it("reads a name quoted whole from its opening quote, and none from a quoted clause", () => {
    expect(names(read("双方同意设立“数字丝路合作中国—东盟中心”，推动交流。"))).toEqual(["数字丝路合作中国—东盟中心"]);
    expect(names(read("会议宣布将在杭州设立“推动数据要素流通合作中国中心”。"))).toEqual([]);
  });

  it("names a party unit held before without its 原 (…公司原党委书记)", () => {
    const doc = read("江西省粮食集团有限责任公司原党委书记何永平严重违纪违法。");
    expect(names(doc)).toEqual(["江西省粮食集团有限责任公司党委"]);
  });

  it("reads no body in a counted class of them (20所…学校)", () => {
    expect(names(read("今年新遴选了20所高水平职业学校。"))).toEqual([]);
  });
});

describe("academies and institutes written short (农科院, 社科院)", () => {
  it.each([
    ["河南省农科院研究员孙立新带领团队选育了新品种。", "河南省农科院"],
    ["中国农科院专家在田间指导农户。", "中国农科院"],
  ])("%s → %s", (text, name) => {
    expect(orgs(read(text)).map((o) => o.name)).toContain(name);
  });
});
