// A small fictional graph (a city, a county under it, a town under that; two meetings; a company running a
// project) used by the cypher integration tests. Ids carry a "qfix" prefix and dates lie in 1901, so the rows
// the queries return come from this fixture only, whatever else the shared test database holds.
import type { Driver } from "neo4j-driver";
import type { GraphDoc, RelationDoc } from "../../../core/model.js";

export const A1 = "article:qfix000000000a1";
export const A2 = "article:qfix000000000a2";
export const A3 = "article:qfix000000000a3";

export const P1 = "person:qfix-甄一鸣";
export const P2 = "person:qfix-贾二水";
export const P3 = "person:qfix-柏三川";
export const P4 = "person:qfix-祁四海";
export const P5 = "person:qfix-韦六一";
export const O1 = "organization:qfix-市委";
export const O2 = "organization:qfix-市政府";
export const O3 = "organization:qfix-云岭新材料";
export const PL1 = "place:qfix-青州府市";
export const PL2 = "place:qfix-云岭县";
export const PL3 = "place:qfix-石门镇";
export const PR1 = "project:qfix-光伏产业园";
export const PR2 = "project:qfix-青州府港";
export const M1 = "meeting:qfix-常委会";
export const M2 = "meeting:qfix-推进会";

export const S1 = "1901年3月2日，市委书记甄一鸣主持召开青州府市委常委会会议，市长贾二水发言。";
export const S2 = "4月10日，云岭县项目推进会召开，贾二水主持，甄一鸣出席，云岭新材料董事长柏三川发言。";
export const S3 = "云岭新材料有限公司董事长柏三川介绍，石门镇云岭光伏产业园二期即将投产。";

function rel(
  type: RelationDoc["type"],
  source: string,
  target: string,
  article: string,
  sentence: string,
  properties: RelationDoc["properties"] = {},
): RelationDoc {
  return { type, source, target, properties, evidence: [{ article, sentence }] };
}

function mentions(article: string, targets: string[]): RelationDoc[] {
  return targets.map((target) => ({
    type: "MENTIONS",
    source: article,
    target,
    properties: { count: 1 },
    evidence: [],
  }));
}

export function fixtureDoc(): GraphDoc {
  return {
    articles: [
      {
        id: A1,
        title: "市委常委会会议召开",
        date: "1901-03-03",
        source: "青州府日报",
        page: "1",
        byline: [],
        text: S1,
        sha256: "qfix-a1",
      },
      {
        id: A2,
        title: "云岭县项目推进会召开",
        date: "1901-04-11",
        source: "青州府日报",
        page: "1",
        byline: [],
        text: S2,
        sha256: "qfix-a2",
      },
      {
        id: A3,
        title: "光伏产业园建设提速",
        date: "1901-05-20",
        source: "青州府日报",
        page: "2",
        byline: ["韦六一"],
        text: S3,
        sha256: "qfix-a3",
      },
    ],
    entities: [
      { id: P1, type: "Person", name: "甄一鸣", aliases: ["一鸣书记", "云山客"] },
      { id: P2, type: "Person", name: "贾二水", aliases: [] },
      { id: P3, type: "Person", name: "柏三川", aliases: [] },
      { id: P4, type: "Person", name: "祁四海", aliases: [] },
      { id: P5, type: "Person", name: "韦六一", aliases: [] },
      { id: O1, type: "Organization", name: "中共青州府市委", aliases: ["青州府市委", "市委"], kind: "party" },
      { id: O2, type: "Organization", name: "青州府市人民政府", aliases: ["市政府"], kind: "government" },
      { id: O3, type: "Organization", name: "云岭新材料有限公司", aliases: ["云岭新材料"], kind: "company" },
      { id: PL1, type: "Place", name: "青州府市", aliases: ["青州府"], level: "city" },
      { id: PL2, type: "Place", name: "云岭县", aliases: ["云岭"], level: "county" },
      { id: PL3, type: "Place", name: "石门镇", aliases: [], level: "town" },
      { id: PR1, type: "Project", name: "云岭光伏产业园", aliases: [] },
      { id: PR2, type: "Project", name: "青州府港", aliases: [] },
      { id: M1, type: "Meeting", name: "青州府市委常委会会议", aliases: [], date: "1901-03-02" },
      { id: M2, type: "Meeting", name: "云岭县项目推进会", aliases: [], date: "1901-04-10" },
    ],
    relations: [
      {
        type: "HOLDS_POSITION",
        source: P1,
        target: O1,
        properties: { title: "市委书记" },
        evidence: [
          { article: A1, sentence: S1 },
          { article: A2, sentence: S2 },
        ],
      },
      rel("HOLDS_POSITION", P2, O2, A1, S1, { title: "市长" }),
      rel("HOLDS_POSITION", P2, O1, A1, S1, { title: "市委副书记" }),
      rel("HOLDS_POSITION", P3, O3, A3, S3, { title: "董事长" }),
      rel("PARTICIPATED_IN", P1, M1, A1, S1, { role: "chaired" }),
      rel("PARTICIPATED_IN", P2, M1, A1, S1, { role: "spoke" }),
      rel("PARTICIPATED_IN", P2, M2, A2, S2, { role: "chaired" }),
      rel("PARTICIPATED_IN", P1, M2, A2, S2, { role: "attended" }),
      rel("PARTICIPATED_IN", P3, M2, A2, S2, { role: "spoke" }),
      rel("HELD_IN", M1, PL1, A1, S1),
      rel("HELD_IN", M2, PL2, A2, S2),
      rel("ORGANIZED_BY", M1, O1, A1, S1),
      rel("RUNS", O3, PR1, A3, S3),
      rel("LOCATED_IN", PR1, PL3, A3, S3),
      rel("LOCATED_IN", PR2, PL1, A1, S1),
      rel("LOCATED_IN", O1, PL1, A1, S1),
      rel("LOCATED_IN", O3, PL3, A3, S3),
      { type: "PART_OF", source: PL2, target: PL1, properties: {}, evidence: [] },
      { type: "PART_OF", source: PL3, target: PL2, properties: {}, evidence: [] },
      { type: "REPORTED", source: P5, target: A3, properties: {}, evidence: [] },
      ...mentions(A1, [P1, P2, M1, O1, O2, PL1]),
      ...mentions(A2, [P1, P2, P3, M2, PL2]),
      ...mentions(A3, [P3, P4, PR1, O3, PL3]),
    ],
  };
}

export function fixtureIds(): string[] {
  const doc = fixtureDoc();
  return [...doc.articles.map((a) => a.id), ...doc.entities.map((e) => e.id)];
}

/** Counts of the fixture's own nodes and of relationships touching them. */
export async function fixtureCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE n.id IN $ids
     OPTIONAL MATCH (n)-[r]-()
     RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS relationships`,
    { ids: fixtureIds() },
  );
  return { nodes: Number(records[0]!.get("nodes")), relationships: Number(records[0]!.get("relationships")) };
}

export async function removeFixture(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) WHERE n.id IN $ids DETACH DELETE n", { ids: fixtureIds() });
}
