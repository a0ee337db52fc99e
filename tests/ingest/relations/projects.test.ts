// Which organization runs a project and where it is, as news writes it, read through the extraction (rules, tagger,
// word boundaries). The sentences are written for these tests in the manner of several papers; none is taken
// from a corpus.
import { describe, expect, it } from "vitest";
import type { GraphDoc } from "../../../core/model.js";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";

const segmenter = loadSegmenter();
const tagger = await loadTagger();

function read(text: string): GraphDoc {
  return extractDocument(
    { text, meta: { title: "测试稿", date: "2024-06-18" }, origin: { file: "projects.test" }, kind: "article" },
    { segmenter, tagger },
  );
}
const nameOf = (doc: GraphDoc, id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
const pairs = (doc: GraphDoc, type: string) =>
  doc.relations.filter((r) => r.type === type).map((r) => `${nameOf(doc, r.source)}|${nameOf(doc, r.target)}`);

describe("RUNS", () => {
  it.each([
    [
      "2023年，宜昌市交通运输局联合宜昌市公安局设立“平安路口”示范工程，当年事故下降三成。",
      ["宜昌市交通运输局|“平安路口”示范工程", "宜昌市公安局|“平安路口”示范工程"],
    ],
    [
      "由中交第二航务工程局有限公司承建的黄茅海跨海通道工程进入主塔施工阶段。",
      ["中交第二航务工程局有限公司|黄茅海跨海通道工程"],
    ],
    [
      "安徽海螺水泥股份有限公司芜湖骨料项目二期正式投产。",
      ["安徽海螺水泥股份有限公司|安徽海螺水泥股份有限公司芜湖骨料项目"],
    ],
  ])("%s", (text, expected) => {
    expect(pairs(read(text), "RUNS")).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    [
      "黄茅海跨海通道管理有限公司介绍，黄茅海跨海通道工程通车以来车流平稳。",
      "黄茅海跨海通道管理有限公司|黄茅海跨海通道工程",
    ],
    ["按照黔东南州委部署，从江县“稻鱼鸭共生”提升工程全面启动。", "中共黔东南州委|从江县“稻鱼鸭共生”提升工程"],
  ])("reads a company named after its project and 按照X部署 (%s)", (text, pair) => {
    expect(pairs(read(text), "RUNS")).toContain(pair);
  });

  it("gives every organization of a list the verb that follows the last (A、B和C共同设立)", () => {
    const doc = read("宁海县农业农村局、宁海县供销合作社和宁海县妇女联合会共同设立“巧妇农创”孵化基地。");
    expect(pairs(doc, "RUNS")).toEqual(
      expect.arrayContaining([
        "宁海县农业农村局|“巧妇农创”孵化基地",
        "宁海县供销合作社|“巧妇农创”孵化基地",
        "宁海县妇女联合会|“巧妇农创”孵化基地",
      ]),
    );
  });

  it("gives a company no project that only shares a place word with it", () => {
    expect(pairs(read("广州地铁集团有限公司介绍，广州—佛山跨城轨道交通工程正式开工。"), "RUNS")).toEqual([]);
  });

  it("gives no runner to a project whose sentence names none", () => {
    expect(pairs(read("柳江防洪堤加固工程主体完工，沿岸三万群众受益。"), "RUNS")).toEqual([]);
  });
});

describe("LOCATED_IN", () => {
  it.each([
    ["鄂州花湖机场物流产业园吸引了一批货运企业入驻。", "鄂州花湖机场物流产业园|鄂州市"],
    ["遗址年代距今约六千年。城头山遗址位于湖南省常德市澧县车溪乡，是长江流域重要的史前遗址。", "城头山遗址|澧县"],
    ["近年来，赣州先后引入华锐稀土永磁项目、中科新能源电池项目等一批项目，产业链日趋完整。", "华锐稀土永磁项目|赣州市"],
    ["浙江湖州吴兴区内的“丝绸小镇”建设项目已完成投资二十亿元。", "“丝绸小镇”建设项目|吴兴区"],
  ])("%s → %s", (text, pair) => {
    expect(pairs(read(text), "LOCATED_IN")).toContain(pair);
  });

  it("places a project where the text builds it (在X建设), not at the clause's subject", () => {
    const located = pairs(read("近年来，宁波市在宁海县建设“巧妇农创”孵化基地，带动妇女就业。"), "LOCATED_IN");
    expect(located).toEqual(["“巧妇农创”孵化基地|宁海县"]);
  });

  it("does not place a national programme in the provinces it is carried out in", () => {
    const located = pairs(read("国家乡村振兴示范工程在广西、云南等省份实施以来成效明显。"), "LOCATED_IN");
    expect(located).toEqual([]);
  });

  it("places a listed site by the city its name opens with, not the province written before it", () => {
    const located = pairs(read("河南安阳市殷墟宫殿宗庙遗址、浙江湖州市毘山遗址等5个项目入选。"), "LOCATED_IN");
    expect(located.filter((p) => p.includes("毘山遗址"))).toEqual(["湖州市毘山遗址|湖州市"]);
  });

  it("places a project between two divisions (A—B) in both", () => {
    const located = pairs(read("广州—佛山跨城轨道交通工程正式开工。"), "LOCATED_IN");
    expect(located).toEqual(
      expect.arrayContaining(["广州—佛山跨城轨道交通工程|广州市", "广州—佛山跨城轨道交通工程|佛山市"]),
    );
  });

  it("does not place a listed company's project where its name was founded, but where the article is", () => {
    const doc = read(
      "宜宾以动力电池为主导产业。宜宾市今年新签约项目四十个。湖南德安储能电池、江苏恒远隔膜材料等项目即将投产。" +
        "宜宾市的电池产业集群初具规模，宜宾市还在扩大招商。",
    );
    const located = pairs(doc, "LOCATED_IN").filter((p) => p.startsWith("湖南德安储能电池|"));
    expect(located).toEqual(["湖南德安储能电池|宜宾市"]);
  });
});
