// Extraction from articles to entities and relations: table-driven hard cases met in municipal papers.
import { describe, expect, it } from "vitest";
import { InputError } from "../../core/errors.js";
import { extractDocument } from "../../ingest/index.js";
import { plausible } from "../../ingest/mentions/index.js";
import type { ArticleContext } from "../../ingest/mentions/types.js";
import type { GraphDoc } from "../../core/model.js";

const MASTHEAD = "临河日报社出版 中共德州市委机关报\n2024年3月12日 星期二 第6120期\n\n";
const extract = (body: string): GraphDoc =>
  extractDocument({ text: MASTHEAD + body, meta: {}, origin: { file: "t.txt" }, kind: "page" });
const names = (doc: GraphDoc, type: string) => doc.entities.filter((e) => e.type === type).map((e) => e.name);
const rels = (doc: GraphDoc, type: string) => {
  const name = (id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
  return doc.relations
    .filter((r) => r.type === type)
    .map((r): Record<string, unknown> => ({ from: name(r.source), to: name(r.target), ...r.properties }));
};

describe("entities", () => {
  it.each([
    {
      case: "a name split by layout is one person",
      body: "本报讯 市委书记周明 远主持会议。",
      type: "Person",
      name: "周明远",
    },
    {
      case: "市委 in a Dezhou paper is 中共德州市委",
      body: "本报讯 市委召开会议。",
      type: "Organization",
      name: "中共德州市委",
    },
    {
      case: "a bureau shorthand expands against the paper's city",
      body: "本报讯 市工信局作交流发言。",
      type: "Organization",
      name: "德州市工业和信息化局",
    },
    {
      case: "a short county name resolves to the county",
      body: "本报讯 今年齐河粮食增产。",
      type: "Place",
      name: "齐河县",
    },
    {
      case: "a company is found by its suffix",
      body: "本报讯 如临河恒达纺织有限公司等企业。",
      type: "Organization",
      name: "临河恒达纺织有限公司",
    },
    {
      case: "和 inside a bureau's name does not cut it",
      body: "本报讯 山东省发展和改革委员会副主任刘卫东介绍了项目进展。",
      type: "Organization",
      name: "山东省发展和改革委员会",
    },
    {
      case: "a quoted platform is a project",
      body: "本报讯 “爱德州”政务服务平台上线。",
      type: "Project",
      name: "“爱德州”政务服务平台",
    },
    {
      case: "a titled plan is a project",
      body: "本报讯 会议审议了《德州市数字乡村建设三年行动方案》。",
      type: "Project",
      name: "德州市数字乡村建设三年行动方案",
    },
    {
      case: "市委常委会召开会议 names the meeting",
      body: "本报讯 3月11日上午，市委常委会召开会议。",
      type: "Meeting",
      name: "市委常委会会议",
    },
    {
      case: "a meeting cut at its convening verb",
      body: "本报讯 3月11日，全市春季农业生产现场推进会在齐河县召开。",
      type: "Meeting",
      name: "全市春季农业生产现场推进会",
    },
  ])("$case", ({ body, type, name }) => {
    expect(names(extract(body), type)).toContain(name);
  });

  it("does not read 产业兴县 as a county far away", () => {
    expect(names(extract("本报讯 坚持产业兴县、工业强县。"), "Place")).not.toContain("兴县");
  });
  it.each([
    { text: "国家领导人在北京会见英国力拓集团首席执行官。", name: "英国力拓集团", not: "北京会见英国力拓集团" },
    { text: "峰会期间表示二十国集团应当加强合作。", name: "二十国集团", not: "期间表示二十国集团" },
  ])("stops a company name at a verb run into it: $name", ({ text, name, not }) => {
    const orgs = names(extract(`本报讯 ${text}`), "Organization");
    expect(orgs).toContain(name);
    expect(orgs).not.toContain(not);
  });
  it("does not read a place, a verb and a bureau run together as one name", () => {
    const orgs = names(
      extract("本报讯 中国—南亚博览会将于8月在昆明市举办国务院新闻办今天举行新闻发布会。"),
      "Organization",
    );
    expect(orgs.filter((o) => o.includes("举办"))).toEqual([]);
  });
  it("does not take a word ending in 乡村 or 农村 for a village the model proposes", () => {
    const ctx: ArticleContext = { paper: "临河日报", articleDate: null, city: null, province: null };
    expect(plausible("LOC", "数字乡村", ctx)).toBe(false);
    expect(plausible("LOC", "美丽农村", ctx)).toBe(false);
    expect(plausible("LOC", "石门镇", ctx)).toBe(true);
    expect(plausible("LOC", "柳树村", ctx)).toBe(true);
  });
  it("does not take 重点项目 for a project", () => {
    expect(names(extract("本报讯 要加快推进重点项目落实落地。"), "Project")).toEqual([]);
  });
});

describe("relations", () => {
  it("gives a title chain two posts (市委副书记、市长)", () => {
    const doc = extract("本报讯 市委副书记、市长韩素梅出席会议并讲话。");
    expect(rels(doc, "HOLDS_POSITION")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "韩素梅", to: "中共德州市委", title: "副书记" }),
        expect.objectContaining({ from: "韩素梅", to: "德州市人民政府", title: "市长" }),
      ]),
    );
  });
  it("reads chaired, spoke and attended toward the article's meeting", () => {
    const doc = extract(
      "本报讯 3月11日下午，全市春季农业生产现场推进会召开。市长韩素梅出席会议并讲话，副市长卢志宏主持会议。曹永、吴子健参加会议。",
    );
    const roles = rels(doc, "PARTICIPATED_IN").map((r) => `${r.from}:${r.role}:${r.to}`);
    expect(roles).toEqual(
      expect.arrayContaining([
        "韩素梅:spoke:全市春季农业生产现场推进会",
        "卢志宏:chaired:全市春季农业生产现场推进会",
        "曹永:attended:全市春季农业生产现场推进会",
        "吴子健:attended:全市春季农业生产现场推进会",
      ]),
    );
  });
  it("dates a meeting from its lead and holds a 全市 meeting in the paper's city", () => {
    const doc = extract("本报讯 3月11日下午，全市春季农业生产现场推进会召开。");
    expect(doc.entities.find((e) => e.type === "Meeting")?.date).toBe("2024-03-11");
    expect(rels(doc, "HELD_IN")).toContainEqual(expect.objectContaining({ to: "德州市" }));
  });
  it("lets the company in a project's name run it, located where the company is", () => {
    const doc = extract("本报讯 齐河恒达纺织有限公司高端面料项目开工。");
    expect(rels(doc, "RUNS")).toContainEqual(
      expect.objectContaining({ from: "齐河恒达纺织有限公司", to: "齐河恒达纺织有限公司高端面料项目" }),
    );
    expect(rels(doc, "LOCATED_IN")).toContainEqual(
      expect.objectContaining({ from: "齐河恒达纺织有限公司高端面料项目", to: "齐河县" }),
    );
  });
  it("builds the place hierarchy from division codes", () => {
    const doc = extract("本报讯 齐河县召开会议。");
    expect(rels(doc, "PART_OF")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: "齐河县", to: "德州市" }),
        expect.objectContaining({ from: "德州市", to: "山东省" }),
      ]),
    );
  });
  it("carries the sentence every relation came from", () => {
    const doc = extract("本报讯（记者 马腾）3月11日，市委书记周明远主持会议。");
    for (const r of doc.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) expect(e.sentence.length).toBeGreaterThan(0);
    }
    expect(rels(doc, "REPORTED")).toContainEqual(expect.objectContaining({ from: "马腾" }));
  });
});

describe("identity", () => {
  it("gives the same text the same ids on every run", () => {
    const body = "本报讯 市委书记周明远主持会议。";
    expect(extract(body)).toEqual(extract(body));
  });
  it("refuses a document with no Chinese text", () => {
    expect(() =>
      extractDocument({ text: "only latin text", meta: {}, origin: { file: "x.txt" }, kind: "page" }),
    ).toThrow(InputError);
  });
});
