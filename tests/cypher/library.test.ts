// Unit tests of the named query library: every shipped query parses, and parameters are typed and checked.
import { describe, expect, it } from "vitest";
import { QueryError } from "../../core/errors.js";
import { bindParams, coerceParam, getNamedQuery, loadQueryLibrary, parseNamedQuery } from "../../cypher/library.js";

describe("the named query library", () => {
  const library = loadQueryLibrary();

  it("ships at least twelve named queries", () => {
    expect(library.size).toBeGreaterThanOrEqual(12);
  });

  it.each([...library.values()].map((q) => [q.name, q] as const))(
    "%s says what it answers and declares every $parameter it uses",
    (_name, q) => {
      expect(q.description.length).toBeGreaterThan(20);
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect(new Set(q.params.map((p) => p.name))).toEqual(used);
      for (const p of q.params) expect(Object.hasOwn(q.example, p.name)).toBe(true);
    },
  );

  it("types a parameter from the header and applies its default", () => {
    const q = getNamedQuery("co-mentioned");
    const bound = bindParams(q, { from: "2023-01-01", limit: "5" });
    expect(bound.from).toBe("2023-01-01");
    expect(bound.to).toBe("9999-12-31");
    expect(String(bound.limit)).toBe("5");
    expect(typeof bound.limit).toBe("object"); // a neo4j Integer, so LIMIT accepts it
  });

  it("refuses an unknown parameter, a missing one and a badly typed one", () => {
    const q = getNamedQuery("co-mentioned");
    expect(() => bindParams(q, { year: "2023" })).toThrow(QueryError);
    expect(() => bindParams(getNamedQuery("person-posts"), {})).toThrow(QueryError);
    expect(() => bindParams(q, { limit: "many" })).toThrow(QueryError);
    expect(() => bindParams(q, { limit: 2.5 })).toThrow(QueryError);
  });

  it("names an unknown query in a QueryError", () => {
    expect(() => getNamedQuery("drop-everything")).toThrow(QueryError);
  });

  it("reads a header with a null default and an example", () => {
    const q = parseNamedQuery(
      "x",
      "// Finds things that are long enough to describe.\n// @param type STRING = null  a label\n// @param n INTEGER = 3  how many\n// @example type=Person\nMATCH (n) RETURN n LIMIT $n",
    );
    expect(q.params).toEqual([
      { name: "type", type: "STRING", description: "a label", default: null },
      { name: "n", type: "INTEGER", description: "how many", default: 3 },
    ]);
    expect(q.example).toEqual({ type: "Person", n: 3 });
    expect(q.cypher).toBe("MATCH (n) RETURN n LIMIT $n");
  });

  it("converts command-line text to booleans and floats", () => {
    expect(coerceParam("true", "BOOLEAN", "x")).toBe(true);
    expect(coerceParam("0.5", "FLOAT", "x")).toBe(0.5);
    expect(() => coerceParam("yes", "BOOLEAN", "x")).toThrow(QueryError);
  });
});
