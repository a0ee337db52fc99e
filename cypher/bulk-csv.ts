// Writes a LoadPlan as CSV files for Neo4j's offline importer (`neo4j-admin database import full`), holding
// exactly what cypher/load.ts's MERGE statements store when the same plan is loaded into an empty database:
// node properties with `id` as the import id, entity aliases, articles marked `ingested`, facts with their key,
// article list, capped evidence and first/last dates, links with their sentence. Column types are declared in
// the headers (numbers as double, as the driver sends JavaScript numbers); lists use ARRAY_DELIMITER.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { InputError } from "../core/errors.js";
import type { PropertyValue } from "../core/model.js";
import type { FactRow, LinkRow, LoadPlan, NodeLabel, NodeRow, RelationshipGroup } from "./load-plan.js";

/** Between list elements: the ASCII unit separator, which no news text holds (checked on every value). */
export const ARRAY_DELIMITER = "\u001f";
/** The importer's spelling of ARRAY_DELIMITER. */
export const ARRAY_DELIMITER_OPTION = "U+001F";

type CsvType = "string" | "double" | "long" | "boolean" | "string[]";

/**
 * Fact counts that Cypher computes as integers in cypher/load.ts (`size(…)`), where every other number arrives
 * from JavaScript as a float (evidenceCount sums the row's float sentence counts).
 */
const FACT_INTEGERS = new Set(["articles", "formerIn"]);
/** Node metrics that graph/analyze.ts stores with toInteger() (ingest --bulk imports them with the nodes). */
const NODE_INTEGERS = new Set(["degree", "community"]);
type Value = PropertyValue | string[] | undefined;

export interface ImportFile {
  path: string;
  rows: number;
  /** Whether values may hold line breaks (article texts): the importer then parses this file on one thread. */
  multiline: boolean;
}

export interface ImportFiles {
  nodes: ImportFile[];
  relationships: ImportFile[];
  nodeCount: number;
  relationshipCount: number;
}

const ROWS_PER_WRITE = 2000;

/** Writes one CSV per node label and one per relationship type into `dir` (created when missing). */
export function writeImportFiles(plan: LoadPlan, dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  const out: ImportFiles = { nodes: [], relationships: [], nodeCount: 0, relationshipCount: 0 };
  for (const [label, rows] of plan.nodes) {
    const records = rows.map((row) => nodeRecord(label, row));
    out.nodes.push(writeTable(join(dir, `nodes-${label}.csv`), ["id:ID", ":LABEL"], records, label, NODE_INTEGERS));
    out.nodeCount += rows.length;
  }
  const byType = new Map<string, RelationshipGroup[]>();
  for (const group of plan.relationships) byType.set(group.type, [...(byType.get(group.type) ?? []), group]);
  for (const [type, groups] of byType) {
    const records = groups.flatMap((g) =>
      g.kind === "link"
        ? g.rows.map((row) => linkRecord(type, row))
        : g.rows.map((row) => factRecord(type, row, type === "HOLDS_POSITION")),
    );
    out.relationships.push(
      writeTable(join(dir, `rels-${type}.csv`), [":START_ID", ":END_ID", ":TYPE"], records, type, FACT_INTEGERS),
    );
    out.relationshipCount += records.length;
  }
  return out;
}

/** One row of a table: the fixed columns (id/label or start/end/type), then named properties. */
interface CsvRecord {
  fixed: string[];
  props: Record<string, Value>;
}

function nodeRecord(label: NodeLabel, row: NodeRow): CsvRecord {
  const props: Record<string, Value> = { ...row.props };
  if (label === "Article") props.ingested = true;
  else props.aliases = row.aliases ?? [];
  return { fixed: [row.id, label], props };
}

function linkRecord(type: string, row: LinkRow): CsvRecord {
  return { fixed: [row.source, row.target, type], props: { ...row.props } };
}

/** What factUpdate in cypher/load.ts leaves on a fact created by this row in an empty database. */
function factRecord(type: string, row: FactRow, former: boolean): CsvRecord {
  const props: Record<string, Value> = { ...row.props, key: row.key };
  if (row.articles.length > 0) {
    props.articleIds = row.articles;
    props.articles = row.articles.length;
    props.evidenceCount = row.sentenceCounts.reduce((a, b) => a + b, 0);
    props.evidenceDates = row.evidenceDates;
    props.evidenceArticles = row.evidenceArticles;
    props.evidenceSentences = row.evidenceSentences;
    if (row.firstSeen !== null) props.firstSeen = row.firstSeen;
    if (row.lastSeen !== null) props.lastSeen = row.lastSeen;
    if (former) {
      const formerIn = row.formerFlags.filter(Boolean).length;
      props.formerIn = formerIn;
      props.former = formerIn === row.articles.length;
    }
  }
  return { fixed: [row.source, row.target, type], props };
}

function typeOf(value: Exclude<Value, null | undefined>): CsvType {
  if (Array.isArray(value)) return "string[]";
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

function writeTable(
  path: string,
  fixedHeader: string[],
  records: CsvRecord[],
  what: string,
  integers: ReadonlySet<string> = new Set(),
): ImportFile {
  // Columns: every property any row has, with one type each.
  const columns = new Map<string, CsvType>();
  for (const r of records) {
    for (const [key, value] of Object.entries(r.props)) {
      if (value === null || value === undefined) continue;
      const type = integers.has(key) && typeof value === "number" ? "long" : typeOf(value);
      const seen = columns.get(key);
      if (seen && seen !== type) {
        throw new InputError(
          `cypher/bulk-csv: property "${key}" of ${what} is ${seen} in one row and ${type} in another; the importer needs one type per column`,
        );
      }
      columns.set(key, type);
    }
  }
  const names = [...columns.keys()].sort();
  // A column named like a fixed one would be read as another id or label.
  for (const name of names) {
    if (name.includes(":")) throw new InputError(`cypher/bulk-csv: property name "${name}" of ${what} holds ":"`);
  }
  const header = [...fixedHeader, ...names.map((n) => (columns.get(n) === "string" ? n : `${n}:${columns.get(n)}`))];
  let multiline = false;
  const cell = (value: Value, key: string): string | undefined => {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) {
      for (const v of value) {
        checkText(v, key, what);
        if (!multiline && /[\r\n]/.test(v)) multiline = true;
      }
      // An empty list is stored as one, as the MERGE path stores `aliases: []`; a one-element list of "" cannot
      // be told from it in CSV, so such a list is refused rather than changed.
      if (value.length === 1 && value[0] === "")
        throw new InputError(
          `cypher/bulk-csv: ${what}.${key} is a list holding one empty string, which CSV cannot carry`,
        );
      return value.join(ARRAY_DELIMITER);
    }
    if (typeof value === "string") {
      checkText(value, key, what);
      if (!multiline && /[\r\n]/.test(value)) multiline = true;
      return value;
    }
    return typeof value === "boolean" ? (value ? "true" : "false") : String(value);
  };
  const fd = openSync(path, "w");
  try {
    writeSync(fd, stringify([header]));
    for (let i = 0; i < records.length; i += ROWS_PER_WRITE) {
      const rows = records.slice(i, i + ROWS_PER_WRITE).map((r) => {
        // Ids and types are text too: a line break in any of them makes the file one the importer reads whole.
        if (!multiline && r.fixed.some((f) => /[\r\n]/.test(f))) multiline = true;
        return [...r.fixed, ...names.map((n) => cell(r.props[n], n))];
      });
      // Empty strings are quoted ("") and absent values left empty: the importer stores the first as "" and
      // sets no property for the second, as the MERGE path does.
      writeSync(fd, stringify(rows, { quoted_match: /^$/ }));
    }
  } finally {
    closeSync(fd);
  }
  return { path, rows: records.length, multiline };
}

function checkText(value: string, key: string, what: string): void {
  if (value.includes(ARRAY_DELIMITER)) {
    throw new InputError(
      `cypher/bulk-csv: ${what}.${key} holds the control character U+001F, which the bulk import uses between list elements; load this input with the normal ingest`,
    );
  }
}
