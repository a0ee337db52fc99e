// Input schemas of the service (zod): every query string and body is checked against one of these before any
// Cypher runs. Objects are strict, so an unknown field is a 400 with a reason, not silently ignored.
import neo4j from "neo4j-driver";
import { z } from "zod";
import { MAX_NEIGHBOURS, type ApiError } from "../core/api.js";
import { QueryError } from "../core/errors.js";

const id = z.string().min(1).max(500);
const limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);

export const GraphQuery = z.strictObject({
  limit: limit(300, 2000),
  /** The first view: central people and organizations of the last `months` months of articles. */
  months: z.coerce.number().int().min(1).max(240).optional(),
});
export const NodeParams = z.strictObject({ id });
export const NodeQuery = z.strictObject({ limit: limit(200, 2000) });
export const NeighboursParams = z.strictObject({ id: id.optional() });
export const NeighboursQuery = z.strictObject({ id: id.optional(), limit: limit(50, MAX_NEIGHBOURS) });
export const SearchQuery = z.strictObject({ q: z.string().trim().min(1).max(200), limit: limit(20, 100) });
export const PathQuery = z.strictObject({ from: id, to: id, maxLength: limit(6, 10) });
export const EmptyQuery = z.strictObject({});
export const NamedQueryParams = z.strictObject({ name: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/** JSON values a parameter may take: scalars, lists and maps of them. */
const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(10_000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue).max(10_000),
    z.record(z.string(), JsonValue),
  ]),
);
const Params = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), JsonValue).default({});

export const QueryBody = z.strictObject({ cypher: z.string().trim().min(1).max(20_000), params: Params });
export const NamedQueryBody = z.strictObject({ params: Params }).default({ params: {} });

/** The body of every error answer (core/api.ts ApiError), for the OpenAPI description. */
export const ApiErrorBody = z.strictObject({
  error: z.string(),
  code: z.string(),
  neo4jCode: z.string().optional().describe("Neo4j's status code when Neo4j refused or failed the query"),
}) satisfies z.ZodType<ApiError>;

/** Parses or throws a QueryError("BAD_REQUEST") naming the fields at fault. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const reasons = result.error.issues
    .map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`)
    .join("; ");
  throw new QueryError(`service: invalid ${where}: ${reasons}`, "BAD_REQUEST");
}

/**
 * JSON numbers are doubles; Cypher wants integers for LIMIT, SKIP and range(). Whole numbers become Neo4j
 * integers, the rest stays as it is, recursively.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCypherParams(v)]));
  }
  return value;
}

export function jsonSchema(schema: z.ZodType): unknown {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}
