// A small GraphDoc of a fictional city (河清市) for the explorer's browser tests and its static demo: every entity
// type, every relationship type, two sources and several dates, so filters, search and evidence have real work.
// All people, companies and meetings are invented.
import type { ArticleDoc, EntityDoc, GraphDoc, RelationDoc } from "../../core/model.js";

function article(
  id: string,
  title: string,
  date: string,
  source: string,
  text: string,
  byline: string[] = [],
): ArticleDoc {
  return { id: `article:${id}`, title, date, source, page: "1", byline, text, sha256: id.padEnd(64, "0") };
}

const A1 = article(
  "a1",
  "市委常委会召开会议 研究部署优化营商环境工作",
  "2023-02-06",
  "河清日报",
  "2月3日上午，市委书记林晓峰主持召开市委常委会会议。市长陈静怡出席会议并讲话。市委副书记赵国栋参加会议。",
  ["吴海燕"],
);
const A2 = article(
  "a2",
  "青禾光伏储能一体化项目开工",
  "2023-02-18",
  "河清日报",
  "青禾新能源有限公司投资建设的青禾光伏储能一体化项目在清源县柳林镇开工。副市长孙丽华出席开工仪式。",
  ["郑志强"],
);
const A3 = article(
  "a3",
  "全市优化营商环境大会召开",
  "2023-03-02",
  "新华社",
  "全市优化营商环境大会在河清市召开，市长陈静怡出席并讲话，副市长孙丽华主持会议。河清港物流园项目由河清港务集团负责建设。",
);
const A4 = article(
  "a4",
  "市政府常务会议研究物流园建设",
  "2023-03-15",
  "河清日报",
  "市长陈静怡主持召开市政府常务会议，研究河清港物流园项目建设。市发展改革委主任周明远汇报有关情况。",
);

function e(
  id: string,
  type: EntityDoc["type"],
  name: string,
  aliases: string[] = [],
  extra: Partial<EntityDoc> = {},
): EntityDoc {
  return { id, type, name, aliases, ...extra };
}

const ENTITIES: EntityDoc[] = [
  e("person:林晓峰", "Person", "林晓峰"),
  e("person:陈静怡", "Person", "陈静怡"),
  e("person:赵国栋", "Person", "赵国栋"),
  e("person:孙丽华", "Person", "孙丽华"),
  e("person:周明远", "Person", "周明远"),
  e("person:吴海燕", "Person", "吴海燕"),
  e("person:郑志强", "Person", "郑志强"),
  e("org:中共河清市委", "Organization", "中共河清市委", ["河清市委", "市委"], { kind: "party" }),
  e("org:河清市人民政府", "Organization", "河清市人民政府", ["河清市政府", "市政府"], { kind: "government" }),
  e("org:河清市发展和改革委员会", "Organization", "河清市发展和改革委员会", ["市发展改革委"], { kind: "government" }),
  e("org:青禾新能源有限公司", "Organization", "青禾新能源有限公司", ["青禾新能源"], { kind: "company" }),
  e("org:河清港务集团", "Organization", "河清港务集团", [], { kind: "company" }),
  e("org:河清日报社", "Organization", "河清日报社", ["河清日报"], { kind: "media" }),
  e("place:370000", "Place", "山东省", ["山东"], { level: "province", code: "370000" }),
  e("place:河清市", "Place", "河清市", ["河清"], { level: "city" }),
  e("place:清源县", "Place", "清源县", ["清源"], { level: "county" }),
  e("place:柳林镇", "Place", "柳林镇", [], { level: "town" }),
  e("project:青禾光伏储能一体化项目", "Project", "青禾光伏储能一体化项目", ["青禾光伏项目"]),
  e("project:河清港物流园项目", "Project", "河清港物流园项目", ["物流园项目"]),
  e("meeting:市委常委会会议:2023-02-03", "Meeting", "市委常委会会议", [], { date: "2023-02-03" }),
  e("meeting:全市优化营商环境大会:2023-03-02", "Meeting", "全市优化营商环境大会", [], { date: "2023-03-02" }),
  e("meeting:市政府常务会议:2023-03-15", "Meeting", "市政府常务会议", [], { date: "2023-03-15" }),
];

function r(
  type: RelationDoc["type"],
  source: string,
  target: string,
  art: ArticleDoc,
  sentence: string,
  properties: RelationDoc["properties"] = {},
  more: Array<[ArticleDoc, string]> = [],
): RelationDoc {
  const evidence = [[art, sentence] as const, ...more].map(([a, s]) => ({ article: a.id, sentence: s, date: a.date }));
  return { type, source, target, properties, evidence };
}

const S1 = "2月3日上午，市委书记林晓峰主持召开市委常委会会议。";
const S2 = "市长陈静怡出席会议并讲话。";
const S3 = "市委副书记赵国栋参加会议。";
const S4 = "青禾新能源有限公司投资建设的青禾光伏储能一体化项目在清源县柳林镇开工。";
const S5 = "副市长孙丽华出席开工仪式。";
const S6 = "全市优化营商环境大会在河清市召开，市长陈静怡出席并讲话，副市长孙丽华主持会议。";
const S7 = "河清港物流园项目由河清港务集团负责建设。";
const S8 = "市长陈静怡主持召开市政府常务会议，研究河清港物流园项目建设。";
const S9 = "市发展改革委主任周明远汇报有关情况。";

const M1 = "meeting:市委常委会会议:2023-02-03";
const M2 = "meeting:全市优化营商环境大会:2023-03-02";
const M3 = "meeting:市政府常务会议:2023-03-15";

const RELATIONS: RelationDoc[] = [
  // One post stated by three articles and one by two: each is one fact with its span and article count.
  r("HOLDS_POSITION", "person:林晓峰", "org:中共河清市委", A1, S1, { title: "市委书记" }),
  r("HOLDS_POSITION", "person:陈静怡", "org:河清市人民政府", A1, S2, { title: "市长" }, [
    [A3, S6],
    [A4, S8],
  ]),
  r("HOLDS_POSITION", "person:赵国栋", "org:中共河清市委", A1, S3, { title: "市委副书记" }),
  r("HOLDS_POSITION", "person:孙丽华", "org:河清市人民政府", A2, S5, { title: "副市长" }, [[A3, S6]]),
  r("HOLDS_POSITION", "person:周明远", "org:河清市发展和改革委员会", A4, S9, { title: "主任" }),
  r("PARTICIPATED_IN", "person:林晓峰", M1, A1, S1, { role: "chaired" }),
  r("PARTICIPATED_IN", "person:陈静怡", M1, A1, S2, { role: "spoke" }),
  r("PARTICIPATED_IN", "person:赵国栋", M1, A1, S3, { role: "attended" }),
  r("PARTICIPATED_IN", "person:陈静怡", M2, A3, S6, { role: "spoke" }),
  r("PARTICIPATED_IN", "person:孙丽华", M2, A3, S6, { role: "chaired" }),
  r("PARTICIPATED_IN", "person:陈静怡", M3, A4, S8, { role: "chaired" }),
  r("PARTICIPATED_IN", "person:周明远", M3, A4, S9, { role: "spoke" }),
  r("ORGANIZED_BY", M1, "org:中共河清市委", A1, S1),
  r("ORGANIZED_BY", M3, "org:河清市人民政府", A4, S8),
  r("HELD_IN", M2, "place:河清市", A3, S6),
  r("RUNS", "org:青禾新能源有限公司", "project:青禾光伏储能一体化项目", A2, S4),
  r("RUNS", "org:河清港务集团", "project:河清港物流园项目", A3, S7),
  r("LOCATED_IN", "project:青禾光伏储能一体化项目", "place:柳林镇", A2, S4),
  r("LOCATED_IN", "org:青禾新能源有限公司", "place:清源县", A2, S4),
  r("PART_OF", "place:柳林镇", "place:清源县", A2, S4),
  r("PART_OF", "place:清源县", "place:河清市", A2, S4),
  r("PART_OF", "place:河清市", "place:370000", A3, S6),
  r("REPORTED", "person:吴海燕", A1.id, A1, "记者 吴海燕"),
  r("REPORTED", "person:郑志强", A2.id, A2, "通讯员 郑志强"),
];

/** MENTIONS from each article to every entity whose name or alias its text contains. */
function mentions(articles: ArticleDoc[], entities: EntityDoc[]): RelationDoc[] {
  const out: RelationDoc[] = [];
  for (const a of articles) {
    for (const ent of entities) {
      const names = [ent.name, ...ent.aliases].filter((n) => n.length > 1);
      const hit = names.find((n) => a.text.includes(n));
      if (!hit) continue;
      const sentence = a.text.split(/(?<=。)/).find((s) => s.includes(hit)) ?? a.text;
      out.push({
        type: "MENTIONS",
        source: a.id,
        target: ent.id,
        properties: { count: a.text.split(hit).length - 1 },
        evidence: [{ article: a.id, sentence }],
      });
    }
  }
  return out;
}

export const FIXTURE_ARTICLES = [A1, A2, A3, A4];

export const FIXTURE_DOC: GraphDoc = {
  articles: FIXTURE_ARTICLES,
  entities: ENTITIES,
  relations: [...RELATIONS, ...mentions(FIXTURE_ARTICLES, ENTITIES)],
};
