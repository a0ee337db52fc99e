// The OpenAPI 3.1 description served at /api/openapi.json. Input schemas are generated from the zod schemas
// the service validates with, so the description cannot drift from what is enforced.
import { z } from "zod";
import { API_ROUTES } from "../core/api.js";
import * as S from "./schemas.js";
import { CurationBody } from "./curation-api.js";

function parameters(schema: z.ZodType, where: "query" | "path"): unknown[] {
  const json = S.jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (json.required?.includes(name) ?? false),
    schema: s,
  }));
}
const queryParameters = (schema: z.ZodType) => parameters(schema, "query");

const pathId = parameters(S.NodeParams, "path")[0];
const errorResponse = {
  description: "ApiError { error, code, neo4jCode? }",
  content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
};
const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

export function openApiDocument(): unknown {
  return {
    openapi: "3.1.0",
    info: {
      title: "Jianwen read-only graph API",
      version: "0.1.0",
      description:
        "People, organizations, places, projects and meetings read from Chinese news, with the sentences every fact came from. Nothing here writes. Shapes follow core/api.ts.",
    },
    components: {
      schemas: {
        ApiError: S.jsonSchema(S.ApiErrorBody),
      },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Needed when the service was started with --token" },
      },
    },
    paths: {
      [API_ROUTES.graph]: {
        get: {
          summary:
            "Overview: top entities by PageRank and degree with the relations among them (ApiGraph); with `months`, the first view: the people and organizations with the most facts seen in the last `months` months of articles, with the meetings, projects and places among them",
          parameters: queryParameters(S.GraphQuery),
          responses: { 200: ok("ApiGraph"), 400: errorResponse },
        },
      },
      [`${API_ROUTES.node}/{id}`]: {
        get: {
          summary: "A node with its relations, evidence and mentioning articles (ApiNodeDetail)",
          parameters: [pathId, ...queryParameters(S.NodeQuery)],
          responses: { 200: ok("ApiNodeDetail"), 404: errorResponse },
        },
      },
      [`${API_ROUTES.entity}/{id}`]: {
        get: {
          summary:
            "An entity's page (ApiEntityPage): a person's posts over time, meetings with role and co-mentioned people; an organization's roster, meetings, projects, parent and child units; a meeting's attendees by role, organizer and place; a place's meetings, projects and divisions; the latest evidence first",
          parameters: [pathId],
          responses: { 200: ok("ApiEntityPage"), 400: errorResponse, 404: errorResponse },
        },
      },
      [API_ROUTES.neighbours]: {
        get: {
          summary: "A node and its neighbours, capped; `omitted` says how many were left out (ApiGraph)",
          parameters: queryParameters(S.NeighboursQuery),
          responses: { 200: ok("ApiGraph"), 404: errorResponse },
        },
      },
      [`${API_ROUTES.neighbours}/{id}`]: {
        get: {
          summary: "Same as above with the id in the path",
          parameters: [
            pathId,
            ...queryParameters(S.NeighboursQuery).filter((p) => (p as { name: string }).name !== "id"),
          ],
          responses: { 200: ok("ApiGraph"), 404: errorResponse },
        },
      },
      [API_ROUTES.search]: {
        get: {
          summary: "Full-text search over names and aliases (cjk analyzer); exact names first (ApiSearchResult)",
          parameters: queryParameters(S.SearchQuery),
          responses: { 200: ok("ApiSearchResult"), 400: errorResponse },
        },
      },
      [API_ROUTES.path]: {
        get: {
          summary: "Shortest path between two nodes, over facts first and shared articles second (ApiPath)",
          parameters: queryParameters(S.PathQuery),
          responses: { 200: ok("ApiPath"), 400: errorResponse },
        },
      },
      [API_ROUTES.queries]: {
        get: {
          summary: "The named queries of cypher/queries with their parameters (ApiNamedQueries)",
          responses: { 200: ok("ApiNamedQueries") },
        },
      },
      [`${API_ROUTES.queries}/{name}`]: {
        post: {
          summary: "Run a named query (ApiQueryResult)",
          parameters: parameters(S.NamedQueryParams, "path"),
          requestBody: { content: { "application/json": { schema: S.jsonSchema(S.NamedQueryBody) } } },
          responses: { 200: ok("ApiQueryResult"), 400: errorResponse, 404: errorResponse },
        },
      },
      [API_ROUTES.query]: {
        post: {
          summary:
            "Run read-only Cypher. Writes, schema commands, LOAD CSV and admin procedures are refused (400 WRITE_REFUSED / PROCEDURE_REFUSED), as is anything else Neo4j refuses (400 NEO4J_CLIENT with neo4jCode); a timeout stops long queries (504 TIMEOUT); Neo4j unreachable is 503 NEO4J_UNAVAILABLE; rows stop at a row and byte cap with truncated: true",
          requestBody: { required: true, content: { "application/json": { schema: S.jsonSchema(S.QueryBody) } } },
          responses: {
            200: ok("ApiQueryResult"),
            400: errorResponse,
            413: errorResponse,
            429: errorResponse,
            503: errorResponse,
            504: errorResponse,
          },
        },
      },
      "/api/stats": {
        get: {
          summary: "Nodes per label, relationships per type, article date span and sources",
          responses: { 200: ok("ApiStats") },
        },
      },
      [API_ROUTES.curation]: {
        get: {
          summary: "Whether curation is on (`jianwen serve --curate` with a token) and, when it is, the decisions",
          responses: { 200: ok("{ enabled, decisions? }") },
        },
        post: {
          summary:
            "Only with --curate and a token (otherwise 404: the API writes nothing): record a correction (reject, merge, rename, undo) in the curation file and apply it",
          requestBody: { required: true, content: { "application/json": { schema: S.jsonSchema(CurationBody) } } },
          responses: { 200: ok("{ decision, report }"), 400: errorResponse, 401: errorResponse, 404: errorResponse },
        },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: ok("OpenAPI 3.1") } } },
    },
    security: [{}, { bearer: [] }],
  };
}
