// One --param parser and one set of number checks for every command (cli/options.ts).
import { Integer } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { SettingsError, QueryError } from "../../core/errors.js";
import { define as defineAnalyze } from "../../cli/commands/analyze.js";
import { define as defineDb } from "../../cli/commands/db.js";
import { define as defineExport } from "../../cli/commands/export.js";
import { define as defineIngest } from "../../cli/commands/ingest.js";
import { define as defineMigrate } from "../../cli/commands/migrate.js";
import { define as defineQuery } from "../../cli/commands/query.js";
import { define as defineServe } from "../../cli/commands/serve.js";
import { define as defineStart } from "../../cli/commands/start.js";
import { cypherParams, namedQueryParams, parseParamFlag, portNumber, wholeNumber } from "../../cli/options.js";

describe("--param", () => {
  it("reads NAME=VALUE and NAME:TYPE=VALUE, the value keeping its own '='", () => {
    expect(parseParamFlag("query", "year=2023")).toEqual({ name: "year", type: undefined, raw: "2023" });
    expect(parseParamFlag("export", "n:int=5")).toEqual({ name: "n", type: "INTEGER", raw: "5" });
    expect(parseParamFlag("query", "q=a=b")).toEqual({ name: "q", type: undefined, raw: "a=b" });
    expect(() => parseParamFlag("export", "=1")).toThrow(/^export: --param "=1" is not NAME=VALUE/);
    expect(() => parseParamFlag("query", "n:date=1")).toThrow(SettingsError);
  });

  it("gives inline Cypher a string for an untyped value and a Neo4j integer for :int", async () => {
    const params = await cypherParams("query", ["year=2023", "n:int=5", "x:float=2.5", "on:bool=true"]);
    expect(params.year).toBe("2023");
    expect(params.n).toBeInstanceOf(Integer);
    expect((params.n as Integer).toNumber()).toBe(5);
    expect(params.x).toBe(2.5);
    expect(params.on).toBe(true);
    await expect(cypherParams("export", ["n:int=2.5"])).rejects.toThrow(QueryError);
    await expect(cypherParams("export", ["a=1", "a=2"])).rejects.toThrow(/export: --param a is given more than once/);
  });

  it("leaves an untyped value of a named query as text for the query's declared type", async () => {
    expect(await namedQueryParams("query", ["person=李长萍", "limit:int=3"])).toEqual({ person: "李长萍", limit: 3 });
  });
});

describe("number options", () => {
  it("accepts decimal whole numbers within bounds only", () => {
    const n = wholeNumber("ingest", "--workers", { min: 0 });
    expect(n("0")).toBe(0);
    expect(n(" 12 ")).toBe(12);
    for (const bad of ["", "-1", "1e3", "0x10", "2.5", "two", "9007199254740993"])
      expect(() => n(bad), bad).toThrow(/^ingest: --workers must be a whole number of at least 0, got/);
    expect(portNumber("serve", "--port", true)("0")).toBe(0);
    expect(() => portNumber("db", "--port")("0")).toThrow(/^db: --port must be a whole number from 1 to 65535/);
    expect(() => portNumber("db", "--port")("65536")).toThrow(SettingsError);
  });

  // Every command's number options go through the same check: a bad value is refused while the command line is
  // parsed, before any action runs, with the command and the flag named.
  it.each([
    [defineQuery, ["--max-rows", "1e3", "RETURN 1"], /^query: --max-rows must be a whole number/],
    [defineQuery, ["--timeout", "0", "RETURN 1"], /^query: --timeout must be a whole number of at least 1/],
    [defineExport, ["--site", "x", "--limit", "0x10"], /^export: --limit must be a whole number/],
    [defineServe, ["--port", "70000"], /^serve: --port must be a whole number from 0 to 65535/],
    [defineServe, ["--max-rows", "-5"], /^serve: --max-rows must be a whole number/],
    [defineIngest, ["--workers", "two", "x"], /^ingest: --workers must be a whole number of at least 0/],
    [defineIngest, ["--batch-size", "2.5", "x"], /^ingest: --batch-size must be a whole number/],
    [defineMigrate, ["--batch-size", "0"], /^migrate: --batch-size must be a whole number/],
    [defineAnalyze, ["--seed", "abc"], /^analyze: --seed must be a whole number of at least 0/],
    [defineStart, ["--db-port", "http"], /^start: --db-port must be a whole number from 1 to 65535/],
  ] as const)("%o refuses %j", async (define, args, message) => {
    const command = define().exitOverride();
    await expect(command.parseAsync([...args], { from: "user" })).rejects.toThrow(message);
  });

  it("checks db's --port and --timeout the same way", async () => {
    const db = defineDb().exitOverride();
    for (const sub of db.commands) sub.exitOverride();
    await expect(db.parseAsync(["start", "--port", "7x"], { from: "user" })).rejects.toThrow(
      /^db: --port must be a whole number from 1 to 65535, got "7x"/,
    );
    await expect(db.parseAsync(["start", "--timeout", "soon"], { from: "user" })).rejects.toThrow(
      /^db start: --timeout must be a whole number/,
    );
  });
});
