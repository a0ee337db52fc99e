// Connection settings from the environment, and what openDriver() throws when nothing answers.
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { Neo4jLoadError } from "../../core/errors.js";
import {
  authFor,
  boltAnswers,
  boltHandshake,
  connectionSettingsFromEnv,
  DEFAULT_NEO4J_URI,
  openDriver,
  tcpAccepts,
} from "../../cypher/driver.js";

/** A loopback port that nothing listens on: bind one, note it, close it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return address.port;
}

describe("connectionSettingsFromEnv", () => {
  it("defaults to the local launcher without auth", () => {
    const settings = connectionSettingsFromEnv({});
    expect(settings.uri).toBe(DEFAULT_NEO4J_URI);
    expect(authFor(settings).scheme).toBe("none");
  });

  it("uses basic auth, user neo4j by default, once a password is given", () => {
    const settings = connectionSettingsFromEnv({ NEO4J_URI: "neo4j://db:7687", NEO4J_PASSWORD: "secret" });
    expect(settings.uri).toBe("neo4j://db:7687");
    expect(authFor(settings)).toMatchObject({ scheme: "basic", principal: "neo4j", credentials: "secret" });
    expect(authFor({ user: "reader", password: "pw" })).toMatchObject({ principal: "reader" });
  });
});

describe("openDriver", () => {
  it("throws a retriable Neo4jLoadError when nothing answers at the URI", async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const error = await openDriver({ uri }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Neo4jLoadError);
    expect((error as Neo4jLoadError).retriable).toBe(true);
  });

  it("throws a Neo4jLoadError for a URI the driver cannot use", async () => {
    await expect(openDriver({ uri: "http://127.0.0.1:1" })).rejects.toBeInstanceOf(Neo4jLoadError);
  });
});

describe("boltAnswers", () => {
  it("says false, without throwing, when nothing listens", async () => {
    expect(await boltAnswers(`bolt://127.0.0.1:${await freePort()}`, undefined, 1000)).toBe(false);
  });
});

/** A loopback listener that answers each connection's first bytes with `reply` (or stays silent). */
async function listener(reply: Buffer | undefined): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.on("error", () => undefined);
    socket.once("data", () => {
      if (reply) socket.write(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return { server, port: address.port };
}

describe("boltHandshake and tcpAccepts", () => {
  it("take a listener that answers the handshake with a version for a Bolt server", async () => {
    const { server, port } = await listener(Buffer.from([0, 0, 8, 5]));
    try {
      expect(await boltHandshake("127.0.0.1", port, 1000)).toBe(true);
    } finally {
      server.close();
    }
  });

  it("tell a silent listener (a web server, say) from Bolt without hanging", async () => {
    const { server, port } = await listener(undefined);
    try {
      expect(await boltHandshake("127.0.0.1", port, 300)).toBe(false);
      expect(await boltAnswers(`bolt://127.0.0.1:${port}`, undefined, 300)).toBe(false);
      expect(await tcpAccepts("127.0.0.1", port)).toBe(true);
    } finally {
      server.close();
    }
  });

  it("say false for a port nothing listens on", async () => {
    const port = await freePort();
    expect(await boltHandshake("127.0.0.1", port, 1000)).toBe(false);
    expect(await tcpAccepts("127.0.0.1", port)).toBe(false);
  });
});
