// /api/openapi.json is generated from the zod schemas the service validates with: query strings, bodies, path
// parameters and the error body, so the description cannot drift from what the service enforces.
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../../core/api.js";
import { openApiDocument } from "../../service/openapi.js";

interface Doc {
  components: { schemas: { ApiError: { properties: Record<string, unknown>; required: string[] } } };
  paths: Record<
    string,
    Record<string, { parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }> }>
  >;
}

describe("the OpenAPI description", () => {
  const doc = openApiDocument() as Doc;

  it("describes the error body from its zod schema", () => {
    const e = doc.components.schemas.ApiError;
    expect(Object.keys(e.properties).sort()).toEqual(["code", "error", "neo4jCode"]);
    expect(e.required.sort()).toEqual(["code", "error"]);
  });

  it("takes path parameters from the schemas that check them", () => {
    const node = doc.paths[`${API_ROUTES.node}/{id}`]!.get!.parameters!.find((p) => p.in === "path");
    expect(node).toMatchObject({
      name: "id",
      required: true,
      schema: { type: "string", minLength: 1, maxLength: 500 },
    });
    const named = doc.paths[`${API_ROUTES.queries}/{name}`]!.post!.parameters!;
    expect(named).toEqual([
      { name: "name", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,80}$" } },
    ]);
  });

  it("takes query parameters with their bounds and defaults", () => {
    const search = doc.paths[API_ROUTES.search]!.get!.parameters!;
    expect(search.map((p) => [p.name, p.required])).toEqual([
      ["q", true],
      ["limit", false],
    ]);
    expect(search[1]!.schema).toMatchObject({ maximum: 100, default: 20 });
  });
});
