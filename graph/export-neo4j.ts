// Reads the subgraph `jianwen export --site` bakes in from Neo4j, through the service's read code: the most
// central entities and the facts among them, or what a read-only Cypher query returns.
import type { ApiGraph } from "../core/api.js";

export interface SubgraphChoice {
  query?: string;
  /** Parameters of the query, typed (the command line's --param flags are parsed by cli/options.ts). */
  params: Record<string, unknown>;
  limit: number;
  /** Without a query: the explorer's first view over the last `months` months of articles. */
  months?: number;
}

export async function readSubgraph(choice: SubgraphChoice): Promise<ApiGraph> {
  const { connectionSettingsFromEnv, openDriver } = await import("../cypher/index.js");
  const settings = connectionSettingsFromEnv();
  const driver = await openDriver(settings);
  try {
    if (choice.query) {
      const { userQuery } = await import("../service/index.js");
      const { DEFAULT_READONLY } = await import("../cypher/index.js");
      const result = await userQuery(driver, choice.query, choice.params, {
        ...DEFAULT_READONLY,
        database: settings.database,
      });
      return result.graph;
    }
    const opts = { database: settings.database, timeoutMs: 60_000 };
    if (choice.months) {
      const { firstView } = await import("../service/index.js");
      return await firstView(driver, opts, choice.limit, choice.months);
    }
    const { overview } = await import("../service/index.js");
    return await overview(driver, opts, choice.limit);
  } finally {
    await driver.close();
  }
}
