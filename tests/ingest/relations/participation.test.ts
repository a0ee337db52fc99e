// Meetings as news reports them: one node per meeting (name and date, place or organizer for a generic name),
// past meetings undated, who organized it, where it was held and who took part. Read through the extraction
// (rules, tagger, word boundaries); the sentences are written for these tests, none is taken from a corpus.
import { describe, expect, it } from "vitest";
import type { EntityDoc, GraphDoc } from "../../../core/model.js";
import { extractDocument } from "../../../ingest/index.js";
import { loadSegmenter } from "../../../ingest/segmenter.js";
import { loadTagger } from "../../../ingest/tagger.js";

const segmenter = loadSegmenter();
const tagger = await loadTagger();

function read(text: string, date = "2024-09-12", paper?: string): GraphDoc {
  const meta: Record<string, string> = { title: "测试稿", date, ...(paper ? { paper } : {}) };
  return extractDocument(
    { text, meta, origin: { file: "participation.test" }, kind: "article" },
    { segmenter, tagger },
  );
}
const meetings = (doc: GraphDoc): EntityDoc[] => doc.entities.filter((e) => e.type === "Meeting");
const nameOf = (doc: GraphDoc, id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
const pairs = (doc: GraphDoc, type: string) =>
  doc.relations
    .filter((r) => r.type === type)
    .map((r) => `${nameOf(doc, r.source)}|${nameOf(doc, r.target)}${r.properties.role ? `|${r.properties.role}` : ""}`);

describe("meeting identity and dates", () => {
  it("dates a meeting held in the story and leaves a meeting referred to undated", () => {
    const doc = read("9月11日，第三届长江文化旅游博览会在武汉开幕。与会代表表示，要贯彻落实中央城市工作会议精神。");
    const expo = meetings(doc).find((m) => m.name === "第三届长江文化旅游博览会");
    const past = meetings(doc).find((m) => m.name === "中央城市工作会议");
    expect(expo?.date).toBe("2024-09-11");
    expect(past?.date).toBeUndefined();
  });

  it("gives a party congress the date it opened, whatever the article's date", () => {
    const doc = read("党的十八大以来，全县农村面貌发生了历史性变化。", "2023-05-20");
    expect(meetings(doc)).toEqual([
      expect.objectContaining({ name: "中国共产党第十八次全国代表大会", date: "2012-11-08" }),
    ]);
  });

  it("drops a bare 座谈会 that a national wire places in a city: it names no meeting one can tell apart", () => {
    const a = read("新华社杭州9月10日电 9月10日，在随后召开的座谈会上，与会企业家踊跃发言。");
    expect(meetings(a)).toEqual([]);
  });

  it("drops a generic meeting that has neither date nor place", () => {
    expect(meetings(read("他说，座谈会上大家提了很多好建议。"))).toEqual([]);
  });
});

describe("ORGANIZED_BY and HELD_IN", () => {
  it("reads 由A主办、B承办的“…”评选在X举行", () => {
    const doc = read("9月10日，由中国作家协会主办、中国作家协会创作研究部承办的“年度优秀网络文学”评选在北京举行。");
    expect(pairs(doc, "ORGANIZED_BY")).toEqual(
      expect.arrayContaining(["年度优秀网络文学评选|中国作家协会", "年度优秀网络文学评选|中国作家协会创作研究部"]),
    );
    expect(pairs(doc, "HELD_IN")).toContain("年度优秀网络文学评选|北京市");
  });

  it("reads 在X共同举办“…”活动 as the place of the activity", () => {
    const doc = read("去年8月，两县人大常委会在黎平县肇兴镇共同举办“代表进村寨”活动。");
    expect(pairs(doc, "HELD_IN")).toContain("代表进村寨活动|肇兴镇");
  });

  it("gives every organizer of a list 共同主办 (A、B和C共同主办的…)", () => {
    const doc = read(
      "9月12日，由湖南省农业农村厅、湖南省商务厅和长沙市人民政府共同主办的第五届湖南茶业博览会在长沙开幕。",
    );
    expect(pairs(doc, "ORGANIZED_BY")).toEqual(
      expect.arrayContaining([
        "第五届湖南茶业博览会|湖南省农业农村厅",
        "第五届湖南茶业博览会|湖南省商务厅",
        "第五届湖南茶业博览会|长沙市人民政府",
      ]),
    );
  });

  it("places a meeting whose site is 这里 in the county the article is about", () => {
    const doc = read(
      "婺源县地处赣东北。近年来，婺源县大力发展乡村旅游，婺源县的民宿数量已超千家。" +
        "“这里是中国乡村旅游发展大会的永久举办地。”婺源县文旅局负责人说。",
    );
    expect(pairs(doc, "HELD_IN")).toContain("中国乡村旅游发展大会|婺源县");
  });

  it("takes the host city that opens the clause (…，赣州成功举办…大赛)", () => {
    const doc = read("为推动产业升级，赣州成功举办全国稀土新材料创新大赛。");
    expect(pairs(doc, "HELD_IN")).toContain("全国稀土新材料创新大赛|赣州市");
  });
});

describe("PARTICIPATED_IN", () => {
  it("reads chairing, speaking and attending", () => {
    const doc = read("9月10日，全市秋粮收购工作推进会召开。市长周立新主持会议并讲话，副市长黄海波出席。");
    const roles = pairs(doc, "PARTICIPATED_IN");
    expect(roles).toEqual(
      expect.arrayContaining([
        "周立新|全市秋粮收购工作推进会|chaired",
        "周立新|全市秋粮收购工作推进会|spoke",
        "黄海波|全市秋粮收购工作推进会|attended",
      ]),
    );
  });

  it("gives a speaker in a sentence that opens inside the activity to that activity", () => {
    const doc = read("9月10日，县人大常委会举办“代表面对面”活动。活动中，县人大代表、村党支部书记杨春林提出修路建议。");
    expect(pairs(doc, "PARTICIPATED_IN")).toContain("杨春林|代表面对面活动|spoke");
  });
});

describe("a call on a visitor is no meeting", () => {
  it("gives no participation to whoever 参加会见", () => {
    const doc = extractDocument(
      {
        text: "国务院总理李明主持召开国务院常务会议。同日，赵平在京会见了来访的外宾。外交部副部长钱东参加会见。",
        meta: { title: "要闻", date: "2025-05-16" },
        origin: { file: "participation.test" },
        kind: "article",
      },
      {},
    );
    const joined = doc.relations.filter((r) => r.type === "PARTICIPATED_IN").map((r) => r.source);
    expect(joined).toContain("person:李明");
    expect(joined).not.toContain("person:钱东");
  });
});

describe("PARTICIPATED_IN refers to the event the sentence means", () => {
  it("gives no forum to a leader who took part in a meeting-with or talk (参加上述会见)", () => {
    const doc = read(
      "9月11日，第五届中国—东盟数字经济论坛在南宁开幕。9月12日，国家主席在北京会见来华出席论坛的马来西亚总理。王东明参加上述会见。",
    );
    expect(pairs(doc, "PARTICIPATED_IN").filter((p) => p.startsWith("王东明|"))).toEqual([]);
  });

  it("files the chair of the politburo meeting under that meeting, not the plenum it decided to convene", () => {
    const doc = read("中共中央政治局9月11日召开会议，决定召开二十届五中全会。中共中央总书记习近平主持会议。");
    const roles = pairs(doc, "PARTICIPATED_IN");
    expect(roles).toContain("习近平|中共中央政治局会议|chaired");
    expect(roles.filter((r) => r.includes("五中全会"))).toEqual([]);
  });
});

describe("a meeting decided on is not the one held", () => {
  it("gives the plenum no date from the politburo meeting that decided to convene it, and no chair", () => {
    const doc = read("中共中央政治局召开会议 决定召开二十届五中全会 中共中央总书记习近平主持会议");
    expect(pairs(doc, "PARTICIPATED_IN").filter((r) => r.includes("五中全会"))).toEqual([]);
    expect(meetings(doc).find((m) => m.name === "二十届五中全会")?.date).toBeUndefined();
  });
});

it("gives the chair of a 委员长会议 that set a session's dates no part in that session", () => {
  const doc = read(
    "赵乐际主持召开十四届全国人大常委会第九十次委员长会议 决定十四届全国人大常委会第三十次会议12月22日至27日在京举行",
  );
  expect(pairs(doc, "PARTICIPATED_IN").filter((r) => r.includes("第三十次会议"))).toEqual([]);
});

it("leaves a summit another country hosts next year undated", () => {
  const doc = read("中方支持南非明年主办二十国集团领导人峰会，愿同南方加强协调。");
  expect(meetings(doc).find((m) => m.name === "二十国集团领导人峰会")?.date).toBeUndefined();
});

describe("a meeting the sentence says will be held later", () => {
  it("gives no attendance at the next session announced after the one attended", () => {
    const doc = read(
      "9月11日，国家主席习近平出席东道主交接环节，宣布中方将于明年在南宁举办第二十一届中国—东盟博览会。",
    );
    expect(pairs(doc, "PARTICIPATED_IN").filter((p) => p.includes("第二十一届"))).toEqual([]);
  });
  it("leaves an announced meeting undated even when the sentence opens with a date", () => {
    const doc = read("9月11日，国家主席习近平宣布，中方将于明年在南宁举办第二十一届中国—东盟博览会。", "2024-09-11");
    const expo = meetings(doc).find((m) => m.name === "第二十一届中国—东盟博览会");
    expect(expo).toBeDefined();
    expect(expo!.id).not.toContain("2024-09-11");
  });
});
