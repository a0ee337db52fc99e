// The corpus audit's sample and score: a fixed-seed draw of entities and relations from a graph document, and
// precision per group from a person's judgements. The draw hashes each item's stable key with the seed and keeps the
// lowest hashes, so it depends neither on file order nor on what else the graph holds beside the item.
import { createHash } from "node:crypto";
import {
  ENTITY_TYPES,
  type EntityDoc,
  type EntityType,
  type GraphDoc,
  type RelationDoc,
  type RelationType,
} from "../../core/model.js";

/** The groups the audit draws from: each entity type, and the two relation types a reader checks most. */
export const AUDIT_GROUPS = [...ENTITY_TYPES, "HOLDS_POSITION", "PARTICIPATED_IN"] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export interface AuditItem {
  group: AuditGroup;
  /** Stable across runs and machines: an entity's id; a relation's `source|TYPE|target|title-or-role`. */
  key: string;
  /** What a reader sees: the entity's name, or `person —title→ organization`. */
  name: string;
  /** A sentence the item was read from (the first evidence), for judging. */
  sentence: string;
  /** The article the sentence belongs to. */
  article: string;
}

export type Verdict = "right" | "wrong";

export interface Judgement {
  key: string;
  verdict: Verdict;
  why: string;
}

export function entityKey(e: EntityDoc): string {
  return e.id;
}

export function relationKey(r: RelationDoc): string {
  const qualifier = r.properties.title ?? r.properties.role ?? "";
  return `${r.source}|${r.type}|${r.target}|${String(qualifier)}`;
}

/** sha256 of the seed and the key: the order items are drawn in. */
export function drawOrder(seed: string, key: string): string {
  return createHash("sha256").update(`${seed}\n${key}`).digest("hex");
}

const ENTITY_GROUPS = new Set<string>(ENTITY_TYPES);

/** The sentence cut to `width` characters around the first place it names `name`, so a long list stays readable. */
export function excerpt(sentence: string, name: string, width = 160): string {
  if (sentence.length <= width) return sentence;
  const at = Math.max(0, sentence.indexOf(name));
  const start = Math.max(0, Math.min(at - Math.floor((width - name.length) / 2), sentence.length - width));
  return `${start > 0 ? "…" : ""}${sentence.slice(start, start + width)}${start + width < sentence.length ? "…" : ""}`;
}

/** Every auditable item of a graph document, by group, with a sentence to judge it by. */
export function auditItems(doc: GraphDoc): AuditItem[] {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  // An entity's sentence: the first evidence of the first article that mentions it.
  const mention = new Map<string, { sentence: string; article: string }>();
  for (const r of doc.relations) {
    if (r.type !== "MENTIONS" || mention.has(r.target)) continue;
    const ev = r.evidence[0];
    if (ev) mention.set(r.target, { sentence: ev.sentence, article: ev.article });
  }
  const items: AuditItem[] = [];
  for (const e of doc.entities) {
    if (!ENTITY_GROUPS.has(e.type)) continue;
    const m = mention.get(e.id);
    items.push({
      group: e.type as EntityType,
      key: entityKey(e),
      name: e.code ? `${e.name} (${e.code})` : e.name,
      sentence: excerpt(m?.sentence ?? "", [e.name, ...e.aliases].find((n) => m?.sentence.includes(n)) ?? e.name),
      article: m?.article ?? "",
    });
  }
  const relationGroups = new Set<RelationType>(["HOLDS_POSITION", "PARTICIPATED_IN"]);
  for (const r of doc.relations) {
    if (!relationGroups.has(r.type)) continue;
    const label = (id: string) => byId.get(id)?.name ?? id;
    const qualifier = r.properties.title ?? r.properties.role ?? "";
    const ev = r.evidence[0];
    items.push({
      group: r.type as AuditGroup,
      key: relationKey(r),
      name: `${label(r.source)} —${r.type === "HOLDS_POSITION" ? "" : "PARTICIPATED_IN "}${String(qualifier)}→ ${label(r.target)}`,
      sentence: excerpt(ev?.sentence ?? "", label(r.source)),
      article: ev?.article ?? "",
    });
  }
  return items;
}

/** The `size` items of each group with the lowest seeded hash of their key, in that order. */
export function drawSample(items: AuditItem[], seed: string, size: number): Map<AuditGroup, AuditItem[]> {
  const out = new Map<AuditGroup, AuditItem[]>();
  for (const group of AUDIT_GROUPS) {
    // One item per key: a relation that merging left in two copies is still one draw.
    const unique = new Map<string, AuditItem>();
    for (const i of items) if (i.group === group && !unique.has(i.key)) unique.set(i.key, i);
    const pool = [...unique.values()]
      .map((i) => ({ i, h: drawOrder(seed, i.key) }))
      .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    out.set(
      group,
      pool.slice(0, size).map((p) => p.i),
    );
  }
  return out;
}

export interface GroupScore {
  group: AuditGroup;
  sampled: number;
  right: number;
  wrong: number;
  /** right / (right + wrong), or null when nothing sampled is judged yet. */
  precision: number | null;
  unjudged: AuditItem[];
  wrongItems: { item: AuditItem; why: string }[];
}

/** Precision of each group's sample over its judged items; judgements of keys not in the sample are ignored. */
export function scoreSample(sample: Map<AuditGroup, AuditItem[]>, judgements: Map<string, Judgement>): GroupScore[] {
  return [...sample].map(([group, items]) => {
    let right = 0;
    const wrongItems: GroupScore["wrongItems"] = [];
    const unjudged: AuditItem[] = [];
    for (const item of items) {
      const j = judgements.get(item.key);
      if (!j) unjudged.push(item);
      else if (j.verdict === "right") right++;
      else wrongItems.push({ item, why: j.why });
    }
    const wrong = wrongItems.length;
    return {
      group,
      sampled: items.length,
      right,
      wrong,
      precision: right + wrong ? right / (right + wrong) : null,
      unjudged,
      wrongItems,
    };
  });
}
