// Every named query of cypher/queries on the fixture graph in a real Neo4j, asserting its exact rows.
// The fixture's names and 1901 dates are its own, so the rows come from it alone.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { define as defineQueryCommand } from "../../../cli/commands/query.js";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { bindParams, getNamedQuery, loadQueryLibrary } from "../../../cypher/library.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { runReadOnly } from "../../../cypher/readonly.js";
import { A1, A2, P1, P2, S2, S3, fixtureDoc, removeFixture } from "./fixture.js";

interface Case {
  name: string;
  params: Record<string, unknown>;
  rows: unknown[][];
}

const CASES: Case[] = [
  {
    name: "person-posts",
    params: { person: "甄一鸣" },
    rows: [["甄一鸣", "中共青州府市委", "市委书记", "1901-03-03", "1901-04-11", 2, false]],
  },
  {
    name: "person-posts",
    params: { person: P2 },
    rows: [
      ["贾二水", "中共青州府市委", "市委副书记", "1901-03-03", "1901-03-03", 1, false],
      ["贾二水", "青州府市人民政府", "市长", "1901-03-03", "1901-03-03", 1, false],
    ],
  },
  {
    name: "co-attendees",
    params: { person: "甄一鸣" },
    rows: [
      ["贾二水", 2, ["青州府市委常委会会议", "云岭县项目推进会"]],
      ["柏三川", 1, ["云岭县项目推进会"]],
    ],
  },
  {
    name: "meetings-in-place",
    params: { place: "青州府市", from: "1901-01-01", to: "1901-12-31" },
    rows: [
      ["1901-03-02", "青州府市委常委会会议", "青州府市"],
      ["1901-04-10", "云岭县项目推进会", "云岭县"],
    ],
  },
  {
    name: "meetings-in-place",
    params: { place: "青州府市", from: "1901-04-01", to: "1901-04-30" },
    rows: [["1901-04-10", "云岭县项目推进会", "云岭县"]],
  },
  {
    name: "county-projects",
    params: { county: "云岭县" },
    rows: [["云岭光伏产业园", "石门镇", ["云岭新材料有限公司"]]],
  },
  {
    name: "county-projects",
    params: { county: "青州府市" },
    rows: [
      ["云岭光伏产业园", "石门镇", ["云岭新材料有限公司"]],
      ["青州府港", "青州府市", []],
    ],
  },
  {
    name: "co-mentioned",
    params: { from: "1901-01-01", to: "1901-12-31", limit: 3 },
    rows: [
      ["甄一鸣", "贾二水", 2],
      ["柏三川", "甄一鸣", 1],
      ["柏三川", "祁四海", 1],
    ],
  },
  {
    name: "shortest-path",
    params: { from: "甄一鸣", to: "柏三川" },
    rows: [[["甄一鸣", "云岭县项目推进会", "柏三川"], ["PARTICIPATED_IN", "PARTICIPATED_IN"], 2]],
  },
  { name: "shortest-path", params: { from: "甄一鸣", to: "韦六一" }, rows: [] },
  {
    name: "central-people",
    params: { month: "1901-03", limit: 10 },
    rows: [
      ["甄一鸣", 0.3, 7, 1],
      ["贾二水", 0.2, 5, 1],
    ],
  },
  {
    name: "central-people",
    params: { month: "1901-05", limit: 1 },
    rows: [["柏三川", 0.0, 0, 1]],
  },
  {
    name: "organizations-under-place",
    params: { place: "青州府市" },
    rows: [
      ["云岭新材料有限公司", "company", "石门镇"],
      ["中共青州府市委", "party", "青州府市"],
    ],
  },
  {
    name: "articles-mentioning-both",
    params: { a: "甄一鸣", b: P2 },
    rows: [
      ["1901-04-11", "云岭县项目推进会召开", "青州府日报", A2],
      ["1901-03-03", "市委常委会会议召开", "青州府日报", A1],
    ],
  },
  {
    name: "meeting-participants",
    params: { meeting: "云岭县项目推进会" },
    rows: [
      ["云岭县项目推进会", "1901-04-10", "chaired", ["贾二水"]],
      ["云岭县项目推进会", "1901-04-10", "spoke", ["柏三川"]],
      ["云岭县项目推进会", "1901-04-10", "attended", ["甄一鸣"]],
    ],
  },
  {
    name: "new-entities",
    params: { from: "1901-04-01", to: "1901-04-30" },
    rows: [
      ["Meeting", "云岭县项目推进会", "1901-04-11"],
      ["Person", "柏三川", "1901-04-11"],
      ["Place", "云岭县", "1901-04-11"],
    ],
  },
  {
    name: "new-entities",
    params: { from: "1901-04-01", to: "1901-04-30", type: "Person" },
    rows: [["Person", "柏三川", "1901-04-11"]],
  },
  {
    name: "evidence",
    params: { entity: "柏三川" },
    rows: [
      ["PARTICIPATED_IN", "out", "云岭县项目推进会", "1901-04-11", "云岭县项目推进会召开", S2],
      ["HOLDS_POSITION", "out", "云岭新材料有限公司", "1901-05-20", "光伏产业园建设提速", S3],
    ],
  },
  {
    name: "person-meetings",
    params: { person: P1 },
    rows: [
      ["1901-03-02", "青州府市委常委会会议", "chaired", ["青州府市"], ["中共青州府市委"]],
      ["1901-04-10", "云岭县项目推进会", "attended", ["云岭县"], []],
    ],
  },
  {
    name: "organization-people",
    params: { organization: "中共青州府市委" },
    rows: [
      ["甄一鸣", "市委书记", "1901-03-03", "1901-04-11", 2, false],
      ["贾二水", "市委副书记", "1901-03-03", "1901-03-03", 1, false],
    ],
  },
];

describe("the named queries on the fixture graph", () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await removeFixture(driver);
    await loadGraphDoc(driver, fixtureDoc());
    // central-people ranks by the stored metrics; fixed values make its rows exact.
    await driver.executeQuery(
      "UNWIND $rows AS row MATCH (p:Person {id: row.id}) SET p.pagerank = row.pagerank, p.degree = row.degree",
      {
        rows: [
          { id: P1, pagerank: 0.3, degree: 7 },
          { id: P2, pagerank: 0.2, degree: 5 },
        ],
      },
    );
  });

  afterAll(async () => {
    if (!driver) return;
    await removeFixture(driver);
    await driver.close();
  });

  it("covers every query of the library", () => {
    expect(new Set(CASES.map((c) => c.name))).toEqual(new Set(loadQueryLibrary().keys()));
  });

  it.each(CASES.map((c) => [c.name, JSON.stringify(c.params), c] as const))(
    "%s %s returns exactly its rows",
    async (_n, _p, c) => {
      const query = getNamedQuery(c.name);
      const result = await runReadOnly(driver, query.cypher, bindParams(query, c.params));
      expect(result.rows).toEqual(c.rows);
      expect(result.truncated).toBe(false);
    },
  );

  it("runs a named query from `jianwen query --name … --param …` and prints its rows as JSON", async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await defineQueryCommand().parseAsync(
        ["--name", "co-attendees", "--param", "person=甄一鸣", "--format", "json"],
        { from: "user" },
      );
    } finally {
      spy.mockRestore();
    }
    const lines = writes
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { person: "贾二水", together: 2, meetings: ["青州府市委常委会会议", "云岭县项目推进会"] },
      { person: "柏三川", together: 1, meetings: ["云岭县项目推进会"] },
    ]);
  });
});
