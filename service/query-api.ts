// User Cypher and named queries over HTTP: both go through the read-only runner with the service's limits.
import type { Driver } from "neo4j-driver";
import type { ApiNamedQueries, ApiNamedQuery, ApiQueryResult } from "../core/api.js";
import {
  bindParams,
  getNamedQuery,
  loadQueryLibrary,
  type QueryParam,
  runReadOnly,
  type ReadOnlyOptions,
} from "../cypher/index.js";

export type ApiNamedQueryDetail = ApiNamedQuery & { parameters: QueryParam[] };

export function namedQueries(): ApiNamedQueries & { queries: ApiNamedQueryDetail[] } {
  return {
    queries: [...loadQueryLibrary().values()].map((q) => ({
      name: q.name,
      description: q.description,
      cypher: q.cypher,
      params: q.example,
      parameters: q.params,
    })),
  };
}

export async function userQuery(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  limits: ReadOnlyOptions,
): Promise<ApiQueryResult> {
  const { records: _records, ...result } = await runReadOnly(driver, cypher, params, limits);
  return result;
}

export async function runNamed(
  driver: Driver,
  name: string,
  given: Record<string, unknown>,
  limits: ReadOnlyOptions,
): Promise<ApiQueryResult> {
  const query = getNamedQuery(name);
  return userQuery(driver, query.cypher, bindParams(query, given), limits);
}
