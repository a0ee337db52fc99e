// Starts the read-only service on a free port over the fixture graph for one test file, and gives the file small
// fetch helpers. Every file loads the fixture afresh and removes it afterwards.
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, inject } from "vitest";
import { connectionSettingsFromEnv, openDriver } from "../../../cypher/driver.js";
import { loadGraphDoc } from "../../../cypher/load.js";
import { createServer, type JianwenServer, type ServerOptions } from "../../../service/server.js";
import { fixtureDoc, removeFixture } from "../cypher/fixture.js";

export interface ServiceHarness {
  driver(): Driver;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  post(path: string, body: string, contentType?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The whole response, headers included. */
  fetch(path: string): Promise<Response>;
}

export function useService(options: Partial<ServerOptions> = {}): ServiceHarness {
  let driver: Driver | undefined;
  let server: JianwenServer | undefined;
  let base = "";

  beforeAll(async () => {
    driver = await openDriver({ ...connectionSettingsFromEnv(), uri: inject("neo4jUri") });
    await removeFixture(driver);
    await loadGraphDoc(driver, fixtureDoc());
    server = await createServer({ driver, port: 0, staticDir: false, ...options });
    base = new URL(await server.listen()).origin;
  });

  afterAll(async () => {
    await server?.close();
    if (!driver) return;
    await removeFixture(driver);
    await driver.close();
  });

  return {
    driver: () => {
      if (!driver) throw new Error("tests/service-harness: the driver is opened in beforeAll");
      return driver;
    },
    async get(path, headers = {}) {
      const res = await fetch(`${base}${path}`, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    fetch: (path) => fetch(`${base}${path}`),
    async post(path, body, contentType = "application/json") {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": contentType }, body });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}
