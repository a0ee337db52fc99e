// Stated cooperation between organizations, read through the whole extraction. The sentences are written for
// these tests in the manner of several papers; none is taken from a corpus.
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";
import type { GraphDoc } from "../../../core/model.js";

const tagger = await loadTagger();
const segmenter = loadSegmenter();

function partners(text: string): string[] {
  const doc: GraphDoc = extractDocument(
    {
      text,
      meta: { title: "测试稿", date: "2024-05-10", source: "人民日报" },
      origin: { file: "partners.test" },
      kind: "article",
    },
    { tagger, segmenter },
  );
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  return doc.relations
    .filter((r) => r.type === "PARTNER_OF")
    .map((r) => `${name.get(r.source)}>${name.get(r.target)}|${r.evidence[0]?.sentence ?? ""}`);
}

describe("PARTNER_OF", () => {
  it.each([
    ["浙江大学与宁波市北仑区人民政府签订战略合作协议，共建研究院。", "浙江大学>北仑区人民政府"],
    ["宁海县农业农村局联合宁海县供销合作社举办农技培训。", "宁海县农业农村局>宁海县供销合作社"],
    ["湖南湘江新区管理委员会和中南大学共同组建创新研究院。", "中南大学"],
  ])("%s → %s, with the sentence as evidence", (text, expected) => {
    const found = partners(text);
    expect(found.some((p) => p.split("|")[0]!.includes(expected) && p.endsWith(text))).toBe(true);
  });

  it("relates the clause's subject and what is built together to the partner (联动X专家共建Y)", () => {
    const found = partners(
      "为抢抓成渝双城经济圈建设机遇，绵阳市规划建设科技城新区，联动清华大学专家共建绵阳市新材料研究院。",
    );
    const pairs = found.map((p) => p.split("|")[0]);
    expect(pairs).toEqual(expect.arrayContaining(["清华大学>绵阳市新材料研究院", "绵阳市>清华大学"]));
  });

  it("relates a project that opens the clause to the bodies it cooperates with", () => {
    const found = partners("“千年古城”项目开工以来，与中国建筑第八工程局有限公司等合作，加快推进建设。");
    expect(found.map((p) => p.split("|")[0])).toContain("“千年古城”项目>中国建筑第八工程局有限公司");
  });

  it("gives a place that is only the setting (在X) no partner", () => {
    expect(partners("在绵阳市，与会代表参观了清华大学展区。")).toEqual([]);
  });

  it("needs a word of cooperation after the pair", () => {
    expect(partners("浙江大学和中南大学的学生参加了比赛。")).toEqual([]);
  });
});
