// Turns a GraphDoc into the rows the loader writes: nodes grouped by label, relationships grouped by
// (type, source label, target label): one row per fact (cypher/facts.ts) carrying all of this document's evidence
// for it, and one per MENTIONS/REPORTED link. Pure, so it is unit-tested without Neo4j; cypher/load.ts sends them.
import { InputError } from "../core/errors.js";
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type GraphDoc,
  type PropertyValue,
  type RelationDoc,
  type RelationType,
} from "../core/model.js";
import { EVIDENCE_CAP, LINK_TYPES, foldFacts, type Fact } from "./facts.js";

export const NODE_LABELS = ["Article", ...ENTITY_TYPES] as const;

/** The entity labels of core/model (ENTITY_TYPES) joined by "|": a Cypher label expression matching any entity. */
export const ENTITY_LABEL_EXPR = ENTITY_TYPES.join("|");
export type NodeLabel = (typeof NODE_LABELS)[number];

export interface NodeRow {
  id: string;
  /** Entities only: merged into the stored list, never replacing it. */
  aliases?: string[];
  props: Record<string, PropertyValue | string[]>;
}

/** A fact (cypher/facts.ts) as the loader sends it: Neo4j lists cannot hold maps, so evidence travels as columns. */
export interface FactRow {
  source: string;
  target: string;
  /** The fact's title or role ("" for types without one): what MERGE matches between the two nodes. */
  key: string;
  props: Record<string, PropertyValue>;
  /** Distinct articles stating the fact in this load, with how many sentences each gives and whether it says former. */
  articles: string[];
  sentenceCounts: number[];
  formerFlags: boolean[];
  /** The newest EVIDENCE_CAP pieces of evidence of this load, newest first; dates "" when unknown. */
  evidenceArticles: string[];
  evidenceSentences: string[];
  evidenceDates: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A MENTIONS or REPORTED relationship: one per (article, entity), with its first sentence. */
export interface LinkRow {
  source: string;
  target: string;
  props: Record<string, PropertyValue>;
}

interface GroupBase {
  type: RelationType;
  sourceLabel: NodeLabel;
  targetLabel: NodeLabel;
}
export type RelationshipGroup =
  (GroupBase & { kind: "fact"; rows: FactRow[] }) | (GroupBase & { kind: "link"; rows: LinkRow[] });

export interface LoadPlan {
  nodes: Map<NodeLabel, NodeRow[]>;
  relationships: RelationshipGroup[];
}

const PREFIX_LABELS: Record<string, NodeLabel> = {
  article: "Article",
  person: "Person",
  organization: "Organization",
  org: "Organization",
  place: "Place",
  project: "Project",
  meeting: "Meeting",
};

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

export function isRelationType(value: string): value is RelationType {
  return RELATION_TYPE_SET.has(value);
}

export function planLoad(doc: GraphDoc): LoadPlan {
  const labelOf = new Map<string, NodeLabel>();
  const nodes = new Map<NodeLabel, Map<string, NodeRow>>(NODE_LABELS.map((l) => [l, new Map()]));

  for (const a of doc.articles) {
    labelOf.set(a.id, "Article");
    nodes.get("Article")!.set(a.id, {
      id: a.id,
      props: defined({
        title: a.title,
        date: a.date,
        source: a.source,
        page: a.page,
        pageName: a.pageName,
        byline: a.byline,
        text: a.text,
        sha256: a.sha256,
      }),
    });
  }
  for (const e of doc.entities) {
    if (!(ENTITY_TYPES as readonly string[]).includes(e.type)) {
      throw new InputError(
        `cypher/load: entity ${e.id} has type "${String(e.type)}", not one of ${ENTITY_TYPES.join(", ")}`,
      );
    }
    labelOf.set(e.id, e.type);
    const group = nodes.get(e.type)!;
    const previous = group.get(e.id);
    const aliases = unique([...(previous?.aliases ?? []), ...e.aliases]);
    group.set(e.id, {
      id: e.id,
      aliases,
      props: {
        ...previous?.props,
        ...defined({ name: e.name, kind: e.kind, level: e.level, code: e.code, date: e.date }),
      },
    });
  }

  const articleDates = new Map(doc.articles.map((a) => [a.id, a.date]));
  const groups = new Map<string, RelationshipGroup>();
  const groupOf = (type: RelationType, source: string, target: string): RelationshipGroup => {
    const sourceLabel = resolveLabel(source, labelOf, type);
    const targetLabel = resolveLabel(target, labelOf, type);
    const groupKey = `${type}|${sourceLabel}|${targetLabel}`;
    let group = groups.get(groupKey);
    if (!group) {
      const base = { type, sourceLabel, targetLabel };
      group = LINK_TYPES.has(type) ? { ...base, kind: "link", rows: [] } : { ...base, kind: "fact", rows: [] };
      groups.set(groupKey, group);
    }
    return group;
  };
  // Groups in the order of the document's relations, which ingest sorts so concurrent loads lock alike. The same
  // pass sorts the relations into links, each with its group (links are most of an archive's relations), and facts.
  const linkRels: Array<{ rel: RelationDoc; group: RelationshipGroup }> = [];
  const factRels: RelationDoc[] = [];
  for (const rel of doc.relations) {
    if (!isRelationType(rel.type)) {
      throw new InputError(
        `cypher/load: relation ${rel.source} -> ${rel.target} has type "${String(rel.type)}", not one of ${RELATION_TYPES.join(", ")}`,
      );
    }
    const group = groupOf(rel.type, rel.source, rel.target);
    if (LINK_TYPES.has(rel.type)) linkRels.push({ rel, group });
    else factRels.push(rel);
  }
  const links = new Map<string, LinkRow>();
  for (const { rel, group } of linkRels) {
    const id = `${rel.type}\u0000${rel.source}\u0000${rel.target}`;
    const sentence = firstSentence(rel.evidence);
    const props = scalars(rel.properties);
    const existing = links.get(id);
    if (existing) {
      // The first sentence stays; other properties, as with `SET r += …`, are the later statement's.
      existing.props = { ...existing.props, ...props, ...scalars({ sentence: existing.props.sentence ?? sentence }) };
      continue;
    }
    // `props` is this row's own copy: the sentence is set on it, in the place a sentence property already has.
    if (sentence) props.sentence = sentence;
    const row: LinkRow = { source: rel.source, target: rel.target, props };
    links.set(id, row);
    (group.rows as LinkRow[]).push(row);
  }
  const facts = foldFacts(factRels, (article) => articleDates.get(article) ?? null);
  for (const fact of facts) (groupOf(fact.type, fact.source, fact.target).rows as FactRow[]).push(factRow(fact));

  const nodeRows = new Map<NodeLabel, NodeRow[]>();
  for (const [label, rows] of nodes) if (rows.size > 0) nodeRows.set(label, [...rows.values()]);
  return {
    nodes: nodeRows,
    relationships: [...groups.values()],
  };
}

/** A folded fact as a row: its newest EVIDENCE_CAP pieces of evidence, the counts for all of them. */
export function factRow(fact: Fact): FactRow {
  const shown = fact.evidence.slice(0, EVIDENCE_CAP);
  return {
    source: fact.source,
    target: fact.target,
    key: fact.key,
    props: fact.properties,
    articles: fact.articles.map((a) => a.id),
    sentenceCounts: fact.articles.map((a) => a.sentences),
    formerFlags: fact.articles.map((a) => a.former),
    evidenceArticles: shown.map((e) => e.article),
    evidenceSentences: shown.map((e) => e.sentence),
    evidenceDates: shown.map((e) => e.date ?? ""),
    firstSeen: fact.firstSeen,
    lastSeen: fact.lastSeen,
  };
}

/** The label an id's prefix names (person:…, org:…, place:…), or undefined for an id without a known prefix. */
export function labelFromId(id: string): NodeLabel | undefined {
  const colon = id.indexOf(":");
  return colon > 0 ? PREFIX_LABELS[id.slice(0, colon).toLowerCase()] : undefined;
}

function resolveLabel(id: string, labelOf: Map<string, NodeLabel>, type: RelationType): NodeLabel {
  const known = labelOf.get(id);
  if (known) return known;
  const guessed = labelFromId(id);
  if (guessed) return guessed;
  throw new InputError(
    `cypher/load: a ${type} relation refers to "${id}", which is neither an article or entity of this document nor an id with a known type prefix (person:, place:, …)`,
  );
}

/** The first non-empty sentence of a link's evidence. */
function firstSentence(evidence: RelationDoc["evidence"]): string | undefined {
  for (const e of evidence) if (e.sentence) return e.sentence;
  return undefined;
}

/** Drops undefined and null values: `SET n += props` would otherwise erase what an earlier load stored. */
function defined<T extends Record<string, unknown>>(obj: T): Record<string, PropertyValue | string[]> {
  const out: Record<string, PropertyValue | string[]> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null) out[k] = v as PropertyValue | string[];
  return out;
}

function scalars(obj: Record<string, PropertyValue | undefined>): Record<string, PropertyValue> {
  return defined(obj) as Record<string, PropertyValue>;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
