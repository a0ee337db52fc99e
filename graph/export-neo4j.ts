// Reads the subgraph `jianwen export --site` bakes in from Neo4j, through the service's read code: the most
// central entities and the facts among them, or what a read-only Cypher query returns.
import type { ApiGraph } from "../core/api.js";
import { SettingsError } from "../core/errors.js";
import type { PropertyValue } from "../core/model.js";

export interface SubgraphChoice {
  query?: string;
  /** k=v strings from the command line. */
  params: string[];
  limit: number;
  /** Without a query: the explorer's first view over the last `months` months of articles. */
  months?: number;
}

export function parseParams(pairs: string[]): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const pair of pairs) {
    const i = pair.indexOf("=");
    if (i <= 0) throw new SettingsError(`graph/export: --param ${pair} is not k=v; write e.g. --param name=陈静怡`);
    const k = pair.slice(0, i);
    const v = pair.slice(i + 1);
    out[k] = v === "true" ? true : v === "false" ? false : v !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

export async function readSubgraph(choice: SubgraphChoice): Promise<ApiGraph> {
  const { connectionSettingsFromEnv, openDriver } = await import("../cypher/driver.js");
  const settings = connectionSettingsFromEnv();
  const driver = await openDriver(settings);
  try {
    if (choice.query) {
      const { userQuery } = await import("../cypher/service/query-api.js");
      const { DEFAULT_READONLY } = await import("../cypher/readonly.js");
      const result = await userQuery(driver, choice.query, parseParams(choice.params), {
        ...DEFAULT_READONLY,
        database: settings.database,
      });
      return result.graph;
    }
    const opts = { database: settings.database, timeoutMs: 60_000 };
    if (choice.months) {
      const { firstView } = await import("../cypher/service/first-view.js");
      return await firstView(driver, opts, choice.limit, choice.months);
    }
    const { overview } = await import("../cypher/service/graph-api.js");
    return await overview(driver, opts, choice.limit);
  } finally {
    await driver.close();
  }
}
