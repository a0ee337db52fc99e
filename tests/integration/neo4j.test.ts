// The Neo4j under Jianwen is real: a node written through the driver reads back, and a uniqueness constraint
// refuses a second node with the same id. Uses its own label and removes it afterwards.
import { randomUUID } from "node:crypto";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureNeo4j, neo4jStatus } from "../../db/index.js";
import { connectionSettingsFromEnv, openDriver } from "../../cypher/driver.js";

const LABEL = "JianwenTestProbe";
const CONSTRAINT = "jianwen_test_probe_id";

describe("the Neo4j the integration tests run against", () => {
  const uri = inject("neo4jUri");
  let driver: Driver;

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri });
    await driver.executeQuery(`CREATE CONSTRAINT ${CONSTRAINT} IF NOT EXISTS FOR (n:${LABEL}) REQUIRE n.id IS UNIQUE`);
  });

  afterAll(async () => {
    if (!driver) return;
    await driver.executeQuery(`MATCH (n:${LABEL}) DETACH DELETE n`);
    await driver.executeQuery(`DROP CONSTRAINT ${CONSTRAINT} IF EXISTS`);
    await driver.close();
  });

  it("is Neo4j 5.26 answering on the URI the global setup provided", async () => {
    expect(process.env.NEO4J_URI).toBe(uri);
    const { records } = await driver.executeQuery("CALL dbms.components() YIELD name, versions RETURN name, versions");
    const kernel = records.find((r) => r.get("name") === "Neo4j Kernel");
    expect(kernel?.get("versions")[0]).toMatch(/^5\.26\./);
  });

  it("reads back a node written through the driver, Chinese text intact", async () => {
    const id = randomUUID();
    await driver.executeQuery(`CREATE (n:${LABEL} {id: $id, name: $name})`, { id, name: "聊城市" });
    const { records } = await driver.executeQuery(
      `MATCH (n:${LABEL} {id: $id}) RETURN n.name AS name`,
      { id },
      {
        routing: "READ",
      },
    );
    expect(records.map((r) => r.get("name"))).toEqual(["聊城市"]);
  });

  it("refuses a second node with the same id under the uniqueness constraint", async () => {
    const id = randomUUID();
    await driver.executeQuery(`CREATE (n:${LABEL} {id: $id})`, { id });
    await expect(driver.executeQuery(`CREATE (n:${LABEL} {id: $id})`, { id })).rejects.toMatchObject({
      code: "Neo.ClientError.Schema.ConstraintValidationFailed",
    });
    const { records } = await driver.executeQuery(`MATCH (n:${LABEL} {id: $id}) RETURN count(n) AS n`, { id });
    expect(records[0]?.get("n").toNumber()).toBe(1);
  });

  it("is reused, not started again, by ensureNeo4j when it already answers", async () => {
    const handle = await ensureNeo4j();
    expect(handle.uri).toBe(uri);
    expect(handle.startedByUs).toBe(false);
    const status = await neo4jStatus();
    expect(status.answers).toBe(true);
  });
});
