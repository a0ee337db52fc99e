// Settings of the read stage (sigma-style triad): the interface, its defaults, and a validating resolver.
import iconv from "iconv-lite";
import { SettingsError } from "../../core/errors.js";

/** Which JSONL fields hold each part of an article. */
export interface JsonlFields {
  title: string;
  date: string;
  source: string;
  text: string;
  page: string;
  author: string;
}

export interface ReadSettings {
  /** Force one encoding (any name iconv-lite knows) instead of detecting it. */
  encoding: string | null;
  jsonlFields: JsonlFields;
  /**
   * Largest document read into memory, in bytes: a whole .txt/.md/.html file (after gunzip), or one JSONL line.
   * JSONL files themselves are streamed line by line, so they may be larger than this.
   */
  maxBytes: number;
  /** A document with fewer Han characters than this is refused as "no Chinese text". */
  minHanChars: number;
}

export const DEFAULT_JSONL_FIELDS: JsonlFields = {
  title: "title",
  date: "date",
  source: "source",
  text: "text",
  page: "page",
  author: "author",
};

export const DEFAULT_READ_SETTINGS: ReadSettings = {
  encoding: null,
  jsonlFields: DEFAULT_JSONL_FIELDS,
  maxBytes: 200 * 1024 * 1024,
  minHanChars: 2,
};

export interface PartialReadSettings extends Partial<Omit<ReadSettings, "jsonlFields">> {
  jsonlFields?: Partial<JsonlFields>;
}

/** Fills defaults and checks values up front, so a bad option fails before any file is opened. */
export function resolveReadSettings(partial: PartialReadSettings = {}): ReadSettings {
  const settings: ReadSettings = {
    ...DEFAULT_READ_SETTINGS,
    ...stripUndefined(partial),
    jsonlFields: {
      ...DEFAULT_JSONL_FIELDS,
      ...stripUndefined(partial.jsonlFields ?? {}),
    },
  };
  if (settings.encoding !== null && !iconv.encodingExists(settings.encoding)) {
    throw new SettingsError(
      `ingest/read: unknown encoding "${settings.encoding}"; use utf-8, gb18030, gbk, gb2312, utf-16le or utf-16be`,
    );
  }
  if (!Number.isSafeInteger(settings.maxBytes) || settings.maxBytes <= 0) {
    throw new SettingsError(`ingest/read: the size limit must be a positive number of bytes, not ${settings.maxBytes}`);
  }
  for (const [key, value] of Object.entries(settings.jsonlFields)) {
    if (typeof value !== "string" || value === "") {
      throw new SettingsError(`ingest/read: the JSONL field for "${key}" must be a non-empty name`);
    }
  }
  return settings;
}

/**
 * Parses "--jsonl-fields" text: `title=headline,text=body` renames fields; unnamed keys keep their defaults.
 */
export function parseJsonlFields(spec: string): Partial<JsonlFields> {
  const fields: Partial<JsonlFields> = {};
  for (const part of spec.split(",")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    const key = eq < 0 ? "" : trimmed.slice(0, eq).trim();
    const value = eq < 0 ? "" : trimmed.slice(eq + 1).trim();
    if (!(key in DEFAULT_JSONL_FIELDS) || value === "") {
      throw new SettingsError(
        `ingest/read: --jsonl-fields "${trimmed}" is not KEY=FIELD with KEY one of ${Object.keys(DEFAULT_JSONL_FIELDS).join(", ")}; e.g. --jsonl-fields title=headline,text=body`,
      );
    }
    fields[key as keyof JsonlFields] = value;
  }
  return fields;
}

/** Parses sizes such as 200MB, 1.5GB, 4096. */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$/i.exec(text);
  const units: Record<string, number> = {
    "": 1,
    k: 1024,
    m: 1024 ** 2,
    g: 1024 ** 3,
    t: 1024 ** 4,
  };
  const unit = units[(match?.[2] ?? "").toLowerCase().replace(/i?b$/, "")];
  if (!match || unit === undefined) {
    throw new SettingsError(`ingest/read: "${text}" is not a size; write e.g. 200MB, 1GB or a number of bytes`);
  }
  return Math.round(Number(match[1]) * unit);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
