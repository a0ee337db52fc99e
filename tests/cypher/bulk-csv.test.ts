// The CSV files `ingest --bulk` hands to Neo4j's importer: typed headers, "" kept apart from a missing value,
// lists joined by U+001F, facts with what the MERGE path stores on them, and refusals instead of silent changes.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ARRAY_DELIMITER, writeImportFiles } from "../../cypher/bulk-csv.js";
import { importArguments } from "../../db/bulk-import.js";
import { planLoad } from "../../cypher/load-plan.js";
import type { GraphDoc } from "../../core/model.js";

const dir = mkdtempSync(join(tmpdir(), "jianwen-bulk-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOC: GraphDoc = {
  articles: [
    {
      id: "article:a1",
      title: "青河县召开常委会",
      date: "2024-03-02",
      source: "青河日报",
      page: null,
      byline: ["周明远"],
      text: '第一段，\n第二段有"引号"。',
      sha256: "aa",
    },
    {
      id: "article:a2",
      title: "青河县推进物流园建设",
      date: "2024-03-05",
      source: "青河日报",
      page: "2",
      byline: [],
      text: "一段。",
      sha256: "bb",
    },
  ],
  entities: [
    { id: "person:韩立松", type: "Person", name: "韩立松", aliases: ["立松同志", "韩书记"] },
    { id: "place:青河县", type: "Place", name: "青河县", aliases: [], level: "county" },
  ],
  relations: [
    {
      type: "HOLDS_POSITION",
      source: "person:韩立松",
      target: "place:青河县",
      properties: { title: "县委书记" },
      evidence: [
        { article: "article:a1", sentence: "县委书记韩立松主持会议。", date: "2024-03-02" },
        { article: "article:a2", sentence: "韩立松强调。", date: "2024-03-05" },
      ],
    },
    {
      type: "LOCATED_IN",
      source: "person:韩立松",
      target: "place:青河县",
      properties: {},
      evidence: [{ article: "article:a1", sentence: "韩立松在青河县调研。", date: "2024-03-02" }],
    },
    {
      type: "MENTIONS",
      source: "article:a1",
      target: "person:韩立松",
      properties: {},
      evidence: [{ article: "article:a1", sentence: "县委书记韩立松主持会议。" }],
    },
  ],
};

function lines(path: string): string[] {
  return readFileSync(path, "utf8").trimEnd().split("\n");
}

describe("writeImportFiles", () => {
  const files = writeImportFiles(planLoad(DOC), join(dir, "ok"));
  const byName = (name: string) => [...files.nodes, ...files.relationships].find((f) => f.path.endsWith(name))!;

  it("writes one file per label and per relationship type, with their row counts", () => {
    expect(files.nodes.map((f) => f.path.split("/").pop()).sort()).toEqual([
      "nodes-Article.csv",
      "nodes-Person.csv",
      "nodes-Place.csv",
    ]);
    expect(files.nodeCount).toBe(4);
    expect(files.relationshipCount).toBe(3);
    expect(byName("rels-HOLDS_POSITION.csv").rows).toBe(1);
  });

  it("types the columns and marks articles ingested; only the file with line breaks is multiline", () => {
    const article = byName("nodes-Article.csv");
    const [header] = lines(article.path);
    expect(header).toBe("id:ID,:LABEL,byline:string[],date,ingested:boolean,page,sha256,source,text,title");
    expect(readFileSync(article.path, "utf8")).toContain('"第一段，\n第二段有""引号""。"');
    expect(article.multiline).toBe(true);
    expect(byName("nodes-Person.csv").multiline).toBe(false);
    // An article without a page has no page property: an empty, unquoted field.
    expect(lines(article.path)[1]).toMatch(/^article:a1,Article,周明远,2024-03-02,true,,aa,/);
  });

  it("joins lists with U+001F and keeps an empty list apart from no list", () => {
    const person = lines(byName("nodes-Person.csv").path);
    expect(person[0]).toBe("id:ID,:LABEL,aliases:string[],name");
    expect(person[1]).toBe(`person:韩立松,Person,立松同志${ARRAY_DELIMITER}韩书记,韩立松`);
    const place = lines(byName("nodes-Place.csv").path);
    expect(place[0]).toBe("id:ID,:LABEL,aliases:string[],level,name");
    expect(place[1]).toBe('place:青河县,Place,"",county,青河县');
  });

  it("gives a fact its key, article list, counts, evidence newest first and first/last dates", () => {
    const [header, row] = lines(byName("rels-HOLDS_POSITION.csv").path);
    expect(header).toBe(
      ":START_ID,:END_ID,:TYPE,articleIds:string[],articles:long,evidenceArticles:string[],evidenceCount:double," +
        "evidenceDates:string[],evidenceSentences:string[],firstSeen,former:boolean,formerIn:long,key,lastSeen,title",
    );
    const cells = row!.split(",");
    expect(cells.slice(0, 3)).toEqual(["person:韩立松", "place:青河县", "HOLDS_POSITION"]);
    expect(cells[4]).toBe("2");
    expect(cells[5]).toBe(`article:a2${ARRAY_DELIMITER}article:a1`);
    expect(cells[6]).toBe("2");
    expect(cells[9]).toBe("2024-03-02");
    expect(cells[10]).toBe("false");
    expect(cells.slice(12)).toEqual(["县委书记", "2024-03-05", "县委书记"]);
  });

  it('writes a fact without a key as "" so the importer stores an empty key, as MERGE does', () => {
    const [header, row] = lines(byName("rels-LOCATED_IN.csv").path);
    const keyAt = header!.split(",").indexOf("key");
    expect(row!.split(",")[keyAt]).toBe('""');
  });

  it("marks a file multiline when a line break is in an id, not only in a property", () => {
    const odd: GraphDoc = {
      articles: [],
      entities: [{ id: "project:\n青河物流园", type: "Project", name: "青河物流园", aliases: [] }],
      relations: [],
    };
    const out = writeImportFiles(planLoad(odd), join(dir, "odd-id"));
    expect(out.nodes.find((f) => f.path.endsWith("nodes-Project.csv"))!.multiline).toBe(true);
  });

  it("refuses text holding the list delimiter instead of splitting it", () => {
    const bad: GraphDoc = {
      ...DOC,
      entities: [{ id: "person:甲", type: "Person", name: `甲${ARRAY_DELIMITER}乙`, aliases: [] }],
      relations: [],
    };
    expect(() => writeImportFiles(planLoad(bad), join(dir, "bad"))).toThrow(/U\+001F/);
  });

  it("puts the database name before the file options and names only the files with multiline values", () => {
    const args = importArguments(files, "neo4j", (p) => p);
    expect(args[0]).toBe("neo4j");
    expect(args).toContain("--multiline-fields-format=v2");
    const article = files.nodes.find((f) => f.path.endsWith("nodes-Article.csv"))!;
    expect(args).toContain(`--multiline-fields=${article.path}`);
    expect(args.filter((a) => a.startsWith("--nodes=")).length).toBe(3);
    expect(args.filter((a) => a.startsWith("--relationships=")).length).toBe(3);
  });
});
