// One relationship per fact against a real Neo4j: a post stated by three articles is one HOLDS_POSITION with three
// pieces of evidence and its span; loading again changes nothing; a second title is a second relationship; a post
// called former by some articles is former only when every article says so; concurrent loads of one fact lose no
// article; and `jianwen migrate` folds a graph of per-article relationships into the same shape.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { ArticleDoc, GraphDoc, RelationDoc } from "../../../core/model.js";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { EVIDENCE_CAP } from "../../../cypher/facts.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { migrateGraph } from "../../../cypher/migrate.js";

const P = "person:ffix-岑望舒";
const O = "organization:ffix-澜沧县人民政府";
const O2 = "organization:ffix-中共澜沧县委";
const M = "meeting:ffix-澜沧县经济工作会议:1902-01-08";
const IDS = [P, O, O2, M];

function article(n: number, date: string | null): ArticleDoc {
  const id = `article:ffix${String(n).padStart(12, "0")}`;
  return { id, title: `澜沧快讯${n}`, date, source: "澜沧日报", page: "1", byline: [], text: `稿${n}`, sha256: id };
}

const A = [
  article(1, "1902-01-08"),
  article(2, "1902-03-15"),
  article(3, "1902-06-30"),
  article(4, "1903-02-01"),
  article(5, null),
];

function post(a: ArticleDoc, sentence: string, title = "县长", former = false): RelationDoc {
  return {
    type: "HOLDS_POSITION",
    source: P,
    target: O,
    properties: former ? { title, former: true } : { title },
    evidence: [{ article: a.id, sentence, date: a.date }],
  };
}

function doc(articles: ArticleDoc[], relations: RelationDoc[]): GraphDoc {
  return {
    articles,
    entities: [
      { id: P, type: "Person", name: "岑望舒", aliases: [] },
      { id: O, type: "Organization", name: "澜沧县人民政府", aliases: ["县政府"], kind: "government" },
      { id: O2, type: "Organization", name: "中共澜沧县委", aliases: ["县委"], kind: "party" },
      { id: M, type: "Meeting", name: "澜沧县经济工作会议", aliases: [], date: "1902-01-08" },
    ],
    relations,
  };
}

const THREE = doc(A.slice(0, 3), [
  post(A[0]!, "县长岑望舒出席经济工作会议。"),
  post(A[1]!, "岑望舒县长到茶园调研。"),
  post(A[1]!, "县长岑望舒要求抓好春耕。"),
  post(A[2]!, "澜沧县县长岑望舒接受采访。"),
]);

interface Post {
  title: string;
  articles: number;
  evidenceCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  former: boolean | null;
  formerIn: number | null;
  evidenceArticles: string[];
  evidenceSentences: string[];
}

describe("one relationship per fact", () => {
  let driver: Driver;

  const clear = () =>
    driver.executeQuery("MATCH (n) WHERE n.id IN $ids OR n.id STARTS WITH 'article:ffix' DETACH DELETE n", {
      ids: IDS,
    });

  const posts = async (): Promise<Post[]> => {
    const { records } = await driver.executeQuery(
      `MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(:Organization)
       RETURN r {.title, .articles, .evidenceCount, .firstSeen, .lastSeen, .former, .formerIn,
                 .evidenceArticles, .evidenceSentences} AS r
       ORDER BY r.title`,
      { p: P },
    );
    return records.map((r) => {
      const v = r.get("r") as Record<string, unknown>;
      const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
      return {
        ...v,
        articles: num(v.articles),
        evidenceCount: num(v.evidenceCount),
        formerIn: num(v.formerIn),
      } as Post;
    });
  };

  const everything = async () =>
    (
      await driver.executeQuery(
        "MATCH (n)-[r]->(m) WHERE n.id IN $ids OR m.id IN $ids RETURN n.id AS n, type(r) AS t, m.id AS m, properties(r) AS p ORDER BY n, t, m, p.key",
        { ids: IDS },
      )
    ).records.map((r) => r.toObject());

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
  });
  beforeEach(async () => {
    await clear();
  });
  afterAll(async () => {
    if (!driver) return;
    await clear();
    await driver.close();
  });

  it("stores the same post from three articles as one relationship with all their evidence and its span", async () => {
    const counts = await loadGraphDoc(driver, THREE);
    expect(counts.relationshipsCreated).toBe(1);
    expect(await posts()).toEqual([
      {
        title: "县长",
        articles: 3,
        evidenceCount: 4,
        firstSeen: "1902-01-08",
        lastSeen: "1902-06-30",
        former: false,
        formerIn: 0,
        evidenceArticles: [A[2]!.id, A[1]!.id, A[1]!.id, A[0]!.id],
        evidenceSentences: [
          "澜沧县县长岑望舒接受采访。",
          // One article's sentences in code point order: 县 (U+53BF) before 岑 (U+5C91).
          "县长岑望舒要求抓好春耕。",
          "岑望舒县长到茶园调研。",
          "县长岑望舒出席经济工作会议。",
        ],
      },
    ]);
  });

  // Each order takes another way through the fold: newer evidence in front of the stored, older behind it, or
  // the two interleaved.
  it.each([
    [2, 0, 1],
    [0, 1, 2],
    [1, 0, 2],
  ])(
    "builds the same relationship when the articles come in separate loads, in the order %i, %i, %i",
    async (...order) => {
      for (const i of order) {
        const a = A[i]!;
        await loadGraphDoc(
          driver,
          doc(
            [a],
            THREE.relations.filter((r) => r.evidence[0]!.article === a.id),
          ),
        );
      }
      const [one] = await posts();
      expect(one).toMatchObject({ articles: 3, evidenceCount: 4, firstSeen: "1902-01-08", lastSeen: "1902-06-30" });
      expect(one!.evidenceArticles).toEqual([A[2]!.id, A[1]!.id, A[1]!.id, A[0]!.id]);
    },
  );

  it("keeps the newest EVIDENCE_CAP pieces of evidence whichever way the loads run through the dates", async () => {
    const many = Array.from({ length: EVIDENCE_CAP + 10 }, (_, i) =>
      article(100 + i, new Date(Date.UTC(1905, 0, 1 + i)).toISOString().slice(0, 10)),
    );
    const newest = many
      .slice(-EVIDENCE_CAP)
      .reverse()
      .map((a) => a.id);
    const thirds = [many.slice(0, 20), many.slice(20, 40), many.slice(40)];
    const odd = many.filter((_, i) => i % 2 === 1);
    const even = many.filter((_, i) => i % 2 === 0);
    for (const loads of [thirds, [...thirds].reverse(), [odd, even]]) {
      await clear();
      for (const articles of loads) {
        await loadGraphDoc(
          driver,
          doc(
            articles,
            articles.map((a) => post(a, `岑望舒县长在第${a.title}条消息中讲话。`)),
          ),
        );
      }
      const [one] = await posts();
      expect(one).toMatchObject({ articles: many.length, evidenceCount: many.length });
      expect(one!.evidenceArticles).toEqual(newest);
    }
  });

  it("changes nothing when the same articles are loaded again, together or one by one", async () => {
    await loadGraphDoc(driver, THREE);
    const before = await everything();
    const again = await loadGraphDoc(driver, THREE);
    expect([again.nodesCreated, again.relationshipsCreated]).toEqual([0, 0]);
    await loadGraphDoc(driver, doc([A[1]!], [post(A[1]!, "岑望舒县长到茶园调研。")]));
    expect(await everything()).toEqual(before);
  });

  it("makes a second relationship for a second title, and keeps a participation's role apart the same way", async () => {
    await loadGraphDoc(driver, THREE);
    const counts = await loadGraphDoc(
      driver,
      doc(
        [A[3]!],
        [
          post(A[3]!, "岑望舒任县委副书记、县长。", "县委副书记"),
          { ...post(A[3]!, "县委副书记岑望舒主持会议。", "县委副书记"), target: O2 },
          ...(["chaired", "spoke"] as const).map((role): RelationDoc => ({
            type: "PARTICIPATED_IN",
            source: P,
            target: M,
            properties: { role },
            evidence: [{ article: A[3]!.id, sentence: "岑望舒主持会议并讲话。" }],
          })),
        ],
      ),
    );
    expect(counts.relationshipsCreated).toBe(4);
    expect((await posts()).map((p) => [p.title, p.articles])).toEqual([
      ["县委副书记", 1],
      ["县委副书记", 1],
      ["县长", 3],
    ]);
    const { records } = await driver.executeQuery(
      "MATCH (:Person {id: $p})-[r:PARTICIPATED_IN]->() RETURN r.role AS role, r.firstSeen AS seen ORDER BY role",
      { p: P },
    );
    // Evidence without a date takes its article's.
    expect(records.map((r) => [r.get("role"), r.get("seen")])).toEqual([
      ["chaired", "1903-02-01"],
      ["spoke", "1903-02-01"],
    ]);
  });

  it("keeps former: true only while every article calls the post former, and counts those that do", async () => {
    await loadGraphDoc(driver, doc([A[3]!], [post(A[3]!, "原县长岑望舒已调任他职。", "县长", true)]));
    expect(await posts()).toMatchObject([{ articles: 1, former: true, formerIn: 1 }]);
    // An article with both a former and a plain statement counts as plain.
    await loadGraphDoc(
      driver,
      doc([A[4]!], [post(A[4]!, "时任县长岑望舒。", "县长", true), post(A[4]!, "县长岑望舒讲话。")]),
    );
    const [after] = await posts();
    expect(after).toMatchObject({ articles: 2, former: false, formerIn: 1, firstSeen: "1903-02-01" });
    // The undated article's evidence sorts after every dated one.
    expect(after!.evidenceArticles[0]).toBe(A[3]!.id);
  });

  it("loses no article when several loads add evidence to the same fact at once", async () => {
    await loadGraphDoc(driver, doc([], []));
    const many = Array.from({ length: 12 }, (_, i) => article(100 + i, `1904-0${1 + (i % 9)}-1${i % 10}`));
    await Promise.all(
      many.map((a) => loadGraphDoc(driver, doc([a], [post(a, `第${a.title}篇：县长岑望舒。`)]), { schema: false })),
    );
    const [one] = await posts();
    expect(one).toMatchObject({ articles: 12, evidenceCount: 12 });
    expect(new Set(one!.evidenceArticles).size).toBe(12);
  });

  it("folds a graph loaded one relationship per article into one relationship per fact", async () => {
    await loadGraphDoc(driver, doc(A.slice(0, 3), []));
    // The old loader's shape: key "article|title", the article, its first sentence and every sentence of it.
    await driver.executeQuery(
      `MATCH (p:Person {id: $p}), (o:Organization {id: $o})
       UNWIND $rows AS row
       CREATE (p)-[r:HOLDS_POSITION]->(o)
       SET r = row`,
      {
        p: P,
        o: O,
        rows: [
          {
            key: `${A[0]!.id}|县长`,
            title: "县长",
            asOf: "1902-01-07",
            article: A[0]!.id,
            sentence: "甲。",
            sentences: ["甲。"],
          },
          { key: `${A[1]!.id}|县长`, title: "县长", article: A[1]!.id, sentence: "乙。", sentences: ["乙。", "丙。"] },
          {
            key: `${A[2]!.id}|县长`,
            title: "县长",
            former: true,
            article: A[2]!.id,
            sentence: "丁。",
            sentences: ["丁。"],
          },
          { key: `${A[2]!.id}|副县长`, title: "副县长", article: A[2]!.id, sentence: "丁。", sentences: ["丁。"] },
        ],
      },
    );
    await driver.executeQuery(
      `MATCH (a:Article {id: $a}), (p:Person {id: $p})
       CREATE (a)-[:MENTIONS {key: $a, count: 2, article: $a, sentence: '甲。', sentences: ['甲。']}]->(p)`,
      { a: A[0]!.id, p: P },
    );
    const first = await migrateGraph(driver, { batchSize: 3 });
    expect(first.folded).toBe(4);
    expect(first.links).toBeGreaterThanOrEqual(1);
    const migrated = await posts();
    expect(migrated).toEqual([
      {
        title: "副县长",
        articles: 1,
        evidenceCount: 1,
        firstSeen: "1902-06-30",
        lastSeen: "1902-06-30",
        former: false,
        formerIn: 0,
        evidenceArticles: [A[2]!.id],
        evidenceSentences: ["丁。"],
      },
      {
        title: "县长",
        articles: 3,
        evidenceCount: 4,
        firstSeen: "1902-01-08",
        lastSeen: "1902-06-30",
        former: false,
        formerIn: 1,
        evidenceArticles: [A[2]!.id, A[1]!.id, A[1]!.id, A[0]!.id],
        evidenceSentences: ["丁。", "丙。", "乙。", "甲。"],
      },
    ]);
    const { records } = await driver.executeQuery(
      "MATCH (:Article {id: $a})-[m:MENTIONS]->(:Person {id: $p}) RETURN properties(m) AS m",
      { a: A[0]!.id, p: P },
    );
    expect(records.map((r) => r.get("m"))).toEqual([{ count: expect.anything(), sentence: "甲。" }]);
    // Loading the same articles in the new way afterwards adds nothing; migrating again finds nothing to fold.
    await loadGraphDoc(driver, doc([A[1]!], [post(A[1]!, "乙。")]));
    expect((await posts())[1]).toMatchObject({ articles: 3, evidenceCount: 4 });
    expect((await migrateGraph(driver)).folded).toBe(0);
  });
});
