// Layout repair and page splitting on text shaped like e-paper output: broken names, interleaved columns, mastheads.
import { describe, expect, it } from "vitest";
import { joinCjkSpaces, normalizePunctuation } from "../../ingest/text.js";
import { readMasthead, parseDate } from "../../ingest/masthead.js";
import { hardWrapped, repairLayout } from "../../ingest/layout.js";
import { splitArticles } from "../../ingest/split.js";
import { parseByline } from "../../ingest/markers.js";

const page = (text: string) => repairLayout({ text, meta: {}, origin: { file: "page-p3.txt" }, kind: "page" });

describe("joinCjkSpaces", () => {
  it.each([
    { text: "市委书记李 长萍主持会议", expected: "市委书记李长萍主持会议" },
    { text: "常务副市长刘文 强主持", expected: "常务副市长刘文强主持" },
    { text: "增强工作的统 筹性", expected: "增强工作的统筹性" },
    { text: "2月3日 上午", expected: "2月3日上午" },
    { text: "CN 37-0048", expected: "CN 37-0048" },
    { text: "Hello world", expected: "Hello world" },
  ])("rejoins $text", ({ text, expected }) => {
    expect(joinCjkSpaces(text)).toBe(expected);
  });
});

describe("normalizePunctuation", () => {
  it("turns half-width marks between Chinese characters full width", () => {
    expect(normalizePunctuation("会议指出,要加快(试点)建设;确保落实")).toBe("会议指出，要加快（试点）建设；确保落实");
  });
  it("pairs straight quotes into Chinese quotes", () => {
    expect(normalizePunctuation('"爱山东"政务服务平台')).toBe("“爱山东”政务服务平台");
  });
  it("leaves numbers with decimal points alone", () => {
    expect(normalizePunctuation("增长5.8%")).toBe("增长5.8%");
  });
});

describe("masthead", () => {
  it("reads paper, publisher, date and issue", () => {
    const m = readMasthead(["临河日报社出版 中共德州市委机关报", "", "2024年3月12日 星期二 第6120期 今日8版"]);
    expect(m).toMatchObject({ paper: "临河日报", publisher: "中共德州市委", date: "2024-03-12", issue: "6120" });
  });
  it.each([
    ["2023年2月6日", "2023-02-06"],
    ["2023-2-6", "2023-02-06"],
    ["20230206", "2023-02-06"],
    ["２０２３年２月６日", "2023-02-06"],
    ["2023年13月6日", null],
  ])("parses the date %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe("parseByline", () => {
  it("reads reporters and correspondents", () => {
    expect(parseByline("记者 夏旭光 通讯员 解斌")).toEqual(["夏旭光", "解斌"]);
    expect(parseByline("■ 本报记者 许金松")).toEqual(["许金松"]);
  });
});

describe("splitArticles", () => {
  const text = [
    "临河日报社出版 中共德州市委机关报",
    "2024年3月12日 星期二 第6120期",
    "",
    "市委常委会召开会议",
    "",
    "本报讯(记者 孔晓 岚)3月11日上午,市委常委会召开会议,研究部署一季度",
    "",
    "德州项目开工 新华社济南3月11日电(记者 邵景 川)记者从山东省发展和改革委员会获悉,",
    "",
    "市委常委会要求，一季度重点工作要抓实抓细。市委书记周明远主持会议并讲话。",
    "",
    "德州恒裕新材料有限公司高性能纤维材料项目3月10日在禹城市开工,总投资12亿元。",
    "",
    "值班副总编:林 望 责编:高晴",
  ].join("\n");
  const articles = splitArticles(page(text));

  it("finds one article per opening, each dated from the masthead", () => {
    expect(articles.map((a) => a.title)).toEqual(["市委常委会召开会议", "德州项目开工"]);
    expect(articles.every((a) => a.date === "2024-03-12")).toBe(true);
  });
  it("reads the source: the paper for 本报讯, the agency for 新华社", () => {
    expect(articles.map((a) => a.source)).toEqual(["临河日报", "新华社"]);
  });
  it("joins a byline name broken by a space", () => {
    expect(articles[0]!.byline).toEqual(["孔晓岚"]);
    expect(articles[1]!.byline).toEqual(["邵景川"]);
  });
  it("keeps interleaved column fragments with their own article", () => {
    expect(articles[0]!.blocks.join("")).toContain("市委书记周明远主持会议并讲话");
    expect(articles[1]!.blocks.join("")).toContain("禹城市开工");
  });
  it("leaves the page footer out", () => {
    expect(articles.flatMap((a) => a.blocks).join("")).not.toContain("值班副总编");
  });
  it("takes the page number from the file name", () => {
    expect(articles[0]!.page).toBe("3");
  });
});

describe("line breaks that are not wrapping", () => {
  it("tells a hard-wrapped text from paragraphs one a line", () => {
    const wrapped = [
      "这是一段按固定宽度折行的文字，每一行",
      "都差不多一样长，直到段落在这里结束",
      "为止，最后一行可以短一些。",
    ];
    const lines = [
      "西藏自治区庆祝大会隆重举行",
      "中共中央致电祝贺",
      "央视网消息：今天上午，各族各界干部群众约两万人欢聚一堂，热烈庆祝自治区成立六十周年，会场气氛热烈。",
    ];
    expect(hardWrapped(wrapped)).toBe(true);
    expect(hardWrapped(lines)).toBe(false);
  });
  it("keeps a headline line apart from the next line of an article file", () => {
    const page = repairLayout({
      text: "今年前八个月农产品出口创新高\n据海关统计，今年前八个月，全国出口农产品四千多亿元，规模创历史同期新高。",
      meta: {},
      origin: { file: "layout.test" },
      kind: "article",
    });
    expect(page.blocks.map((b) => b.text)).toEqual([
      "今年前八个月农产品出口创新高",
      "据海关统计，今年前八个月，全国出口农产品四千多亿元，规模创历史同期新高。",
    ]);
  });
});
