// The named query library: cypher/queries/*.cypher, each with a header of `//` lines saying what it answers,
// its parameters (`@param name TYPE [= default]  description`) and an example (`@example k=v …`).
// Parameters are typed from the header, so `--param year=2023` reaches Neo4j as an integer when declared so.
import { readdirSync, readFileSync } from "node:fs";
import neo4j from "neo4j-driver";
import { QueryError } from "../core/errors.js";
import type { PropertyValue } from "../core/model.js";
import { cypherPath } from "./files.js";

export const PARAM_TYPES = ["STRING", "INTEGER", "FLOAT", "BOOLEAN"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

export interface QueryParam {
  name: string;
  type: ParamType;
  description: string;
  /** Present when the header gives `= value`; `null` is a valid default. */
  default?: PropertyValue;
}

export interface NamedQuery {
  name: string;
  description: string;
  params: QueryParam[];
  /** Example parameter values, as typed values. */
  example: Record<string, PropertyValue>;
  cypher: string;
}

const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Z]+)(?:\s*=\s*(\S+))?\s*(.*)$/;

export function parseNamedQuery(name: string, text: string): NamedQuery {
  const description: string[] = [];
  const params: QueryParam[] = [];
  const exampleRaw: Record<string, string> = {};
  const body: string[] = [];
  let inHeader = true;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (inHeader && trimmed.startsWith("//")) {
      const content = trimmed.replace(/^\/\/\s?/, "").trim();
      if (content.startsWith("@param")) {
        const m = PARAM_LINE.exec(content);
        if (!m)
          throw new QueryError(
            `cypher/library: ${name}.cypher has a malformed @param line: ${content}`,
            "BAD_QUERY_FILE",
          );
        const type = m[2] as ParamType;
        if (!PARAM_TYPES.includes(type)) {
          throw new QueryError(
            `cypher/library: ${name}.cypher declares ${m[1]} as ${m[2]}; use one of ${PARAM_TYPES.join(", ")}`,
            "BAD_QUERY_FILE",
          );
        }
        const param: QueryParam = { name: m[1]!, type, description: (m[4] ?? "").trim() };
        if (m[3] !== undefined) param.default = m[3] === "null" ? null : coerce(name, param, m[3]);
        params.push(param);
      } else if (content.startsWith("@example")) {
        for (const pair of content.slice("@example".length).trim().split(/\s+/)) {
          const eq = pair.indexOf("=");
          if (eq > 0) exampleRaw[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
      } else if (content) {
        description.push(content);
      }
      continue;
    }
    inHeader = false;
    body.push(line);
  }
  const cypher = body.join("\n").trim();
  if (!cypher) throw new QueryError(`cypher/library: ${name}.cypher has a header but no query`, "BAD_QUERY_FILE");
  const example: Record<string, PropertyValue> = {};
  for (const p of params) {
    const raw = exampleRaw[p.name];
    if (raw !== undefined) example[p.name] = coerce(name, p, raw);
    else if (p.default !== undefined) example[p.name] = p.default;
  }
  return { name, description: description.join(" "), params, example, cypher };
}

let cache: Map<string, NamedQuery> | undefined;

export function loadQueryLibrary(dir = cypherPath("queries")): Map<string, NamedQuery> {
  if (cache && dir === cypherPath("queries")) return cache;
  const queries = new Map<string, NamedQuery>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()) {
    const name = file.slice(0, -".cypher".length);
    queries.set(name, parseNamedQuery(name, readFileSync(`${dir}/${file}`, "utf8")));
  }
  if (dir === cypherPath("queries")) cache = queries;
  return queries;
}

export function getNamedQuery(name: string): NamedQuery {
  const query = loadQueryLibrary().get(name);
  if (!query) {
    throw new QueryError(
      `cypher/library: there is no named query "${name}"; run \`jianwen query --list\` to see them`,
      "UNKNOWN_QUERY",
    );
  }
  return query;
}

/**
 * Checks and types the parameters for a named query: unknown names are refused, missing ones take the header's
 * default or are refused, strings are converted to the declared type. INTEGERs go to Neo4j as integers.
 */
export function bindParams(query: NamedQuery, given: Record<string, unknown>): Record<string, unknown> {
  const declared = new Map(query.params.map((p) => [p.name, p]));
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) {
      throw new QueryError(
        `cypher/library: ${query.name} has no parameter "${key}"; it takes ${query.params.map((p) => p.name).join(", ") || "none"}`,
        "BAD_PARAM",
      );
    }
  }
  const bound: Record<string, unknown> = {};
  for (const p of query.params) {
    const value = Object.hasOwn(given, p.name) ? given[p.name] : p.default;
    if (value === undefined) {
      throw new QueryError(
        `cypher/library: ${query.name} needs --param ${p.name}=… (${p.type}: ${p.description})`,
        "BAD_PARAM",
      );
    }
    const typed =
      typeof value === "string" && p.type !== "STRING" ? coerce(query.name, p, value) : check(query.name, p, value);
    bound[p.name] = p.type === "INTEGER" && typeof typed === "number" ? neo4j.int(typed) : typed;
  }
  return bound;
}

function check(queryName: string, p: QueryParam, value: unknown): PropertyValue {
  if (value === null) return null;
  const ok =
    (p.type === "STRING" && typeof value === "string") ||
    (p.type === "INTEGER" && typeof value === "number" && Number.isSafeInteger(value)) ||
    (p.type === "FLOAT" && typeof value === "number" && Number.isFinite(value)) ||
    (p.type === "BOOLEAN" && typeof value === "boolean");
  if (!ok)
    throw new QueryError(
      `cypher/library: ${queryName} parameter ${p.name} must be ${p.type}, got ${JSON.stringify(value)}`,
      "BAD_PARAM",
    );
  return value as PropertyValue;
}

function coerce(queryName: string, p: QueryParam, raw: string): PropertyValue {
  return coerceParam(raw, p.type, `${queryName} parameter ${p.name}`);
}

/** Converts command-line text to a typed value; `where` names the parameter in the error. */
export function coerceParam(raw: string, type: ParamType, where: string): PropertyValue {
  switch (type) {
    case "STRING":
      return raw;
    case "INTEGER": {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        throw new QueryError(`cypher/library: ${where} must be an integer, got "${raw}"`, "BAD_PARAM");
      }
      return Number(raw);
    }
    case "FLOAT": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n))
        throw new QueryError(`cypher/library: ${where} must be a number, got "${raw}"`, "BAD_PARAM");
      return n;
    }
    case "BOOLEAN":
      if (raw === "true" || raw === "false") return raw === "true";
      throw new QueryError(`cypher/library: ${where} must be true or false, got "${raw}"`, "BAD_PARAM");
  }
}
