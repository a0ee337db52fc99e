// Turns a GraphDoc into the rows the loader writes: nodes grouped by label, relationships grouped by
// (type, source label, target label), one relationship row per piece of evidence. Pure, so it is unit-tested
// without Neo4j; cypher/load.ts sends the rows.
import { InputError } from "../core/errors.js";
import { ENTITY_TYPES, RELATION_TYPES, type GraphDoc, type PropertyValue, type RelationType } from "../core/model.js";

export const NODE_LABELS = ["Article", ...ENTITY_TYPES] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export interface NodeRow {
  id: string;
  /** Entities only: merged into the stored list, never replacing it. */
  aliases?: string[];
  props: Record<string, PropertyValue | string[]>;
}

export interface RelationshipRow {
  source: string;
  target: string;
  /** What makes this relationship distinct between the same two nodes: its article plus title or role. */
  key: string;
  props: Record<string, PropertyValue>;
  /** Every sentence of this article that states the fact; `props.sentence` is the first. */
  sentences: string[];
}

export interface RelationshipGroup {
  type: RelationType;
  sourceLabel: NodeLabel;
  targetLabel: NodeLabel;
  rows: RelationshipRow[];
}

export interface LoadPlan {
  nodes: Map<NodeLabel, NodeRow[]>;
  relationships: RelationshipGroup[];
}

/** Properties besides the article that tell two relationships of one type apart. */
const DISTINGUISHING: Partial<Record<RelationType, string>> = { HOLDS_POSITION: "title", PARTICIPATED_IN: "role" };

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

export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** The key that identifies one evidenced relationship; the same fact from the same article always gets the same key. */
export function relationshipKey(
  type: RelationType,
  article: string | null,
  properties: Record<string, PropertyValue>,
): string {
  const field = DISTINGUISHING[type];
  const extra = field ? String(properties[field] ?? "") : "";
  return field ? `${article ?? ""}|${extra}` : (article ?? "");
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

  const groups = new Map<string, RelationshipGroup & { byKey: Map<string, RelationshipRow> }>();
  for (const rel of doc.relations) {
    if (!isRelationType(rel.type)) {
      throw new InputError(
        `cypher/load: relation ${rel.source} -> ${rel.target} has type "${String(rel.type)}", not one of ${RELATION_TYPES.join(", ")}`,
      );
    }
    const sourceLabel = resolveLabel(rel.source, labelOf, rel.type);
    const targetLabel = resolveLabel(rel.target, labelOf, rel.type);
    const groupKey = `${rel.type}|${sourceLabel}|${targetLabel}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { type: rel.type, sourceLabel, targetLabel, rows: [], byKey: new Map() };
      groups.set(groupKey, group);
    }
    // A MENTIONS relationship is about its source article even when ingest gives no sentence.
    const fallbackArticle = sourceLabel === "Article" ? rel.source : targetLabel === "Article" ? rel.target : null;
    const evidence = rel.evidence.length > 0 ? rel.evidence : [{ article: fallbackArticle, sentence: null }];
    for (const ev of evidence) {
      const key = relationshipKey(rel.type, ev.article, rel.properties);
      const rowKey = `${rel.source}\u0000${rel.target}\u0000${key}`;
      const existing = group.byKey.get(rowKey);
      if (existing) {
        if (ev.sentence && !existing.sentences.includes(ev.sentence)) existing.sentences.push(ev.sentence);
        continue;
      }
      const row: RelationshipRow = {
        source: rel.source,
        target: rel.target,
        key,
        props: defined({ ...rel.properties, article: ev.article, sentence: ev.sentence }) as Record<
          string,
          PropertyValue
        >,
        sentences: ev.sentence ? [ev.sentence] : [],
      };
      group.byKey.set(rowKey, row);
      group.rows.push(row);
    }
  }

  const nodeRows = new Map<NodeLabel, NodeRow[]>();
  for (const [label, rows] of nodes) if (rows.size > 0) nodeRows.set(label, [...rows.values()]);
  return {
    nodes: nodeRows,
    relationships: [...groups.values()].map(({ type, sourceLabel, targetLabel, rows }) => ({
      type,
      sourceLabel,
      targetLabel,
      rows,
    })),
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

/** Drops undefined and null values: `SET n += props` would otherwise erase what an earlier load stored. */
function defined<T extends Record<string, unknown>>(obj: T): Record<string, PropertyValue | string[]> {
  const out: Record<string, PropertyValue | string[]> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null) out[k] = v as PropertyValue | string[];
  return out;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
