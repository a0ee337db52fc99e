// Two test projects. "unit": everything under tests/ except real-Neo4j and browser tests, files in parallel.
// "integration": tests/integration and tests/browser, one file at a time against one real Neo4j, which the
// global setup starts when nothing answers on the test port (JIANWEN_TEST_PORT, default 7687) and stops only
// if it started it. Tests get the server's URI through inject("neo4jUri") and NEO4J_URI.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/integration/**", "tests/browser/**", "**/node_modules/**", "dist/**"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts", "tests/browser/**/*.test.ts"],
          exclude: ["**/node_modules/**", "dist/**"],
          globalSetup: ["tests/setup/neo4j.ts"],
          // One Neo4j is shared by all files; running them one at a time keeps their writes from mixing.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
