// Page splitting when columns come out of order: a fragment read before its own article's name and topic appear must
// still go to that article, not to the story it happens to share a word with.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { repairLayout } from "../../ingest/layout.js";
import { splitArticles, type ArticleDraft } from "../../ingest/split.js";
import { inPaperVoice } from "../../ingest/split-regroup.js";

const split = (lines: string[], file = "haigang-p1.txt") =>
  splitArticles(repairLayout({ text: lines.join("\n"), meta: {}, origin: { file }, kind: "page" }));
const holder = (articles: ArticleDraft[], words: string) =>
  articles.find((a) => a.blocks.some((b) => b.includes(words)))?.title;

describe("inPaperVoice", () => {
  it.each([
    ["在随后召开的座谈会上，吴晓梅听取了市委政法委工作汇报", true],
    ["本报讯（记者贺松林）", true],
    ["我县将加快推进项目建设", true],
    ["代表县政府对企业表示感谢", true],
    ["杭州市委书记在会上讲话", false],
    ["浙江省交通运输厅召开座谈会", false],
    ["市委员会", false],
  ])("%s → %s", (text, voice) => {
    expect(inPaperVoice(text)).toBe(voice);
  });
});

describe("a column's first line printed ahead of the article's other columns", () => {
  const articles = split([
    "海港日报社出版 中共海港市委机关报",
    "2024年5月8日 星期三 第7001期",
    "",
    "浙江推进港口数字化改造 新华社杭州5月7日电(记者 罗文清)记者从7日召开的全省港口工作座谈会上获悉,",
    "浙江将全面推进港口数字化改造,今年新增自动化泊位12个,港口作业效率提升两成。",
    "本报讯(记者 贺松林)5月7日上午,市委书",
    "在随后召开的座谈会上,吴晓梅听取了市委政法委工作汇报,代表市委对政法委的",
    "记吴晓梅到市委政法委调研,看望慰问干部职工。",
    "工作表示肯定。",
    "吴晓梅在市委政法委调研时强调",
    "",
    "值班副总编:林 望 责编:高晴",
  ]);

  it("files the paragraph in the paper's own voice under the local article, not the wire story", () => {
    expect(articles.map((a) => a.source)).toEqual(["新华社", "海港日报"]);
    expect(holder(articles, "吴晓梅听取了市委政法委工作汇报")).toBe("吴晓梅在市委政法委调研时强调");
    expect(articles[0]!.blocks.join("")).not.toContain("吴晓梅");
  });
});

describe("a speaker's paragraph read while another article is open", () => {
  const articles = split([
    "海港日报社出版 中共海港市委机关报",
    "2024年5月8日 星期三 第7001期",
    "",
    "周立群在全市防汛工作会议上强调",
    "压实责任 确保安全度汛",
    "本报讯(记者 钱柏)5月7日,全市防汛工作会议召开。市长周立群出席会议并讲话。",
    "周立群指出,要抓紧排查河道堤防隐患。",
    "海港港区集装箱吞吐量创新高",
    "本报讯(记者 苏禾)今年前4个月,海港港区集装箱吞吐量达到86万标箱,同比增长14%,",
    "周立群强调,港区码头和集装箱堆场要加固设施,今年前汛期要做到港区作业不停、集装箱不损。",
    "港区新开通外贸航线3条,集装箱吞吐量有望全年突破260万标箱。",
  ]);

  it("files 周立群强调… under the article whose headline names 周立群", () => {
    expect(holder(articles, "周立群强调")).toBe("压实责任 确保安全度汛");
    expect(holder(articles, "外贸航线")).toBe("海港港区集装箱吞吐量创新高");
  });
});

describe("a line that finishes the sentence the line before it cut", () => {
  const articles = split([
    "海港日报社出版 中共海港市委机关报",
    "2024年5月8日 星期三 第7001期",
    "",
    "港区三期扩建工程开工",
    "本报讯(记者 苏禾)5月7日,海港港区三期扩建工程开工。",
    "全市重大项目建设推进会召开",
    "本报讯(记者 钱柏)5月7日,全市重大项目建设推进会召开,要求加快重大项目建设进度,扩大有效投资。",
    "会议强调,各县区要盯紧重大项目建设节点,确保重大项目早开工、早投产。",
    "港区三期扩建工程新建集装箱泊位4个,总投",
    "资46亿元,建成后年吞吐能力将提高三成,全市外贸运输将更加便捷。",
    "会议要求,各部门要强化要素保障,加快重大项目审批。",
  ]);

  it("goes with that line's article, even when another article shares more of its words", () => {
    expect(holder(articles, "资46亿元")).toBe("港区三期扩建工程开工");
    expect(holder(articles, "强化要素保障")).toBe("全市重大项目建设推进会召开");
  });
});

const SAMPLE = fileURLToPath(new URL("../../../shared/samples/liaocheng-daily-2023-02-06-p1.txt", import.meta.url));
const present = existsSync(SAMPLE);
if (!present)
  console.warn(`split sample test skipped: ${SAMPLE} is absent (the shared folder sits beside the project)`);

describe.skipIf(!present)("the Liaocheng Daily front page of 2023-02-06", () => {
  const articles = present ? split(readFileSync(SAMPLE, "utf8").split("\n"), SAMPLE) : [];
  const wire = articles.find((a) => a.source === "新华社");

  it("keeps the 市委办公室 座谈会 paragraph out of the 新华社 story on the 网上政府", () => {
    expect(wire?.title).toContain("网上政府");
    expect(wire!.blocks.join("")).not.toContain("座谈会");
    expect(holder(articles, "李长萍听取了市委办公室")).toContain("李长萍");
  });
  it("keeps the lines that finish a sentence cut at a column's foot with that sentence's article", () => {
    expect(holder(articles, "秀才算合格")).toContain("李长萍");
    expect(holder(articles, "资规模大")).toContain("项目");
  });
  it("files 张百顺指出… under the 张百顺 meeting article", () => {
    const title = holder(articles, "张百顺指出，要锚定一季度攻坚目标");
    const article = articles.find((a) => a.title === title);
    expect(article?.headlines.join("")).toContain("张百顺");
  });
});
