// The graph document: the one typed value that ingest emits, Neo4j stores and the explorer reads.
// Shared by every folder; it holds types and closed sets only, no code that does I/O.

export const ENTITY_TYPES = ["Person", "Organization", "Place", "Project", "Meeting"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  "MENTIONS",
  "REPORTED",
  "HOLDS_POSITION",
  "PARTICIPATED_IN",
  "HELD_IN",
  "ORGANIZED_BY",
  "RUNS",
  "LOCATED_IN",
  "PART_OF",
  "PARTNER_OF",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const PARTICIPATION_ROLES = ["chaired", "spoke", "attended"] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const ORGANIZATION_KINDS = [
  "party",
  "government",
  "congress",
  "court",
  "company",
  "media",
  "school",
  "hospital",
  "association",
  "military",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PLACE_LEVELS = ["country", "province", "city", "county", "town", "village", "other"] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/** Where an article came from on disk, for reports and error messages. */
export interface Origin {
  file: string;
  /** 1-based line for JSONL inputs, and of the section's heading for Markdown holding many articles. */
  line?: number;
  /** 1-based place of the article in a JSON file's list of articles. */
  item?: number;
}

export interface ArticleDoc {
  /** "article:" + first 16 hex chars of sha256 of the normalized text. */
  id: string;
  title: string;
  /** ISO date YYYY-MM-DD, or null when neither the file nor the text gives one. */
  date: string | null;
  /** The paper or agency: 聊城日报, 新华社 … */
  source: string;
  page: string | null;
  /** The page's name (要闻, 杭州新闻), when the input gives one. */
  pageName?: string;
  /** Reporters and correspondents named in the byline. */
  byline: string[];
  text: string;
  sha256: string;
  origin?: Origin;
}

/** Properties that depend on the entity type; absent keys are unknown. */
export interface EntityProps {
  kind?: OrganizationKind;
  level?: PlaceLevel;
  /** GB/T 2260 division code, for places that have one. */
  code?: string;
  /** ISO date of a meeting. */
  date?: string;
}

export interface EntityDoc extends EntityProps {
  /** Stable across runs: a type prefix and a canonical key, e.g. "person:李长萍", "place:371500". */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface Evidence {
  article: string;
  sentence: string;
  /** The reporting article's date (ISO), when it has one: firstSeen/lastSeen of a fact come from these. */
  date?: string | null;
}

export type PropertyValue = string | number | boolean | null;

export interface RelationDoc {
  type: RelationType;
  /** Entity or article id. */
  source: string;
  target: string;
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
}

export interface GraphDoc {
  articles: ArticleDoc[];
  entities: EntityDoc[];
  relations: RelationDoc[];
}

export function emptyGraphDoc(): GraphDoc {
  return { articles: [], entities: [], relations: [] };
}
