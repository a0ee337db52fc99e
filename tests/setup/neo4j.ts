// Global setup of the "integration" test project: makes sure a real Neo4j answers before any test file runs.
// NEO4J_URI wins when set; otherwise whatever answers on 127.0.0.1:JIANWEN_TEST_PORT (default 7687) is used,
// and only when nothing does is the embedded launcher started, and then stopped again after the run.
import type { TestProject } from "vitest/node";
import { DEFAULT_PORT, ensureNeo4j, parsePort, type Neo4jHandle } from "../../db/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Bolt URI of the Neo4j the integration tests talk to. */
    neo4jUri: string;
  }
}

let handle: Neo4jHandle | undefined;

export async function setup(project: TestProject): Promise<void> {
  const portText = process.env.JIANWEN_TEST_PORT?.trim();
  const port = portText ? parsePort(portText) : DEFAULT_PORT;
  const began = Date.now();
  handle = await ensureNeo4j({ port, log: (line) => process.stderr.write(`${line}\n`) });
  if (handle.startedByUs) {
    process.stderr.write(
      `tests/setup: started Neo4j at ${handle.uri} in ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
    );
  }
  // Test workers are created after this runs, so they inherit it; inject("neo4jUri") says the same.
  process.env.NEO4J_URI = handle.uri;
  project.provide("neo4jUri", handle.uri);
}

export async function teardown(): Promise<void> {
  await handle?.stop();
}
