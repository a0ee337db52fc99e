// Empties a database for benchmarks and integration tests that compare whole-graph snapshots.
import type { Driver } from "neo4j-driver";

export async function emptyGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // Relationships first, in bounded transactions: deleting a hub node with its thousands of relationships
    // in one go can pass the server's transaction memory limit.
    await session.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS");
    await session.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}
