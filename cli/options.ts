// Option parsing shared by every command: `--param` for Cypher parameters and the checks of number options, so
// that `--param year=2023` means the same in `query` and `export`, and `--port 0x10` is refused everywhere.
// Nothing here loads the driver: commands import this module at start-up, and `jianwen --help` stays fast.
import { SettingsError } from "../core/errors.js";

export type ParamType = "STRING" | "INTEGER" | "FLOAT" | "BOOLEAN";

const TYPE_ALIASES: Record<string, ParamType> = {
  string: "STRING",
  str: "STRING",
  int: "INTEGER",
  integer: "INTEGER",
  float: "FLOAT",
  number: "FLOAT",
  bool: "BOOLEAN",
  boolean: "BOOLEAN",
};

export interface ParsedParam {
  name: string;
  /** Absent when the flag names no type: the value is then a string (or the named query's declared type). */
  type?: ParamType;
  raw: string;
}

export const PARAM_HELP =
  "a Cypher parameter, repeatable: k=v is a string; type it as k:int=2023 (int, float, bool, string)";

/** `k=v` or `k:type=v`; the value may itself hold "=". `command` names the command in the error. */
export function parseParamFlag(command: string, flag: string): ParsedParam {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+))?=([\s\S]*)$/.exec(flag);
  if (!m)
    throw new SettingsError(
      `${command}: --param "${flag}" is not NAME=VALUE or NAME:TYPE=VALUE (types: int, float, bool, string)`,
    );
  const typeName = m[2]?.toLowerCase();
  const type = typeName === undefined ? undefined : TYPE_ALIASES[typeName];
  if (typeName !== undefined && !type)
    throw new SettingsError(`${command}: --param ${m[1]} has unknown type "${m[2]}"; use int, float, bool or string`);
  return { name: m[1]!, type, raw: m[3]! };
}

/** Commander's reducer for a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Parameters of inline Cypher from `--param` flags: untyped values are strings, `:int` values are Neo4j
 * integers (so `LIMIT $n` works), `:float` numbers, `:bool` booleans. A name given twice is refused.
 */
export async function cypherParams(command: string, flags: string[]): Promise<Record<string, unknown>> {
  const { coerceParam } = await import("../cypher/index.js");
  const neo4j = (await import("neo4j-driver")).default;
  const params: Record<string, unknown> = {};
  for (const p of uniqueParams(command, flags)) {
    const value = coerceParam(p.raw, p.type ?? "STRING", `--param ${p.name}`);
    params[p.name] = p.type === "INTEGER" ? neo4j.int(value as number) : value;
  }
  return params;
}

/**
 * Parameters of a named query from `--param` flags: an untyped value is left as text for the query's own
 * declared type to convert; a typed one is converted here.
 */
export async function namedQueryParams(command: string, flags: string[]): Promise<Record<string, unknown>> {
  const { coerceParam } = await import("../cypher/index.js");
  const given: Record<string, unknown> = {};
  for (const p of uniqueParams(command, flags))
    given[p.name] = p.type ? coerceParam(p.raw, p.type, `--param ${p.name}`) : p.raw;
  return given;
}

function uniqueParams(command: string, flags: string[]): ParsedParam[] {
  const parsed = flags.map((f) => parseParamFlag(command, f));
  const seen = new Set<string>();
  for (const p of parsed) {
    if (seen.has(p.name)) throw new SettingsError(`${command}: --param ${p.name} is given more than once`);
    seen.add(p.name);
  }
  return parsed;
}

export interface WholeNumberRange {
  min?: number;
  max?: number;
}

/**
 * A commander argument parser for a whole-number option: decimal digits only (no "1e3", "0x10", "2.5" or
 * blanks), within [min, max] (default: at least 1). The error names the command and the flag.
 */
export function wholeNumber(command: string, flag: string, range: WholeNumberRange = {}): (value: string) => number {
  const min = range.min ?? 1;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  return (value: string): number => {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const bounds = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new SettingsError(`${command}: ${flag} must be a whole number ${bounds}, got "${value}"`);
    }
    return n;
  };
}

/** A TCP port option: 1–65535, or 0 (any free port) where the command allows it. */
export function portNumber(command: string, flag: string, allowZero = false): (value: string) => number {
  return wholeNumber(command, flag, { min: allowZero ? 0 : 1, max: 65535 });
}
