// Opens the neo4j-driver Driver every part of Jianwen uses, from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD,
// and turns "nothing answers" into a Neo4jLoadError that says how to get a server.
import { connect } from "node:net";
import neo4j, { type AuthToken, type Config, type Driver } from "neo4j-driver";
import { Neo4jLoadError } from "../core/errors.js";
import "./bolt-buffer.js";

export const DEFAULT_NEO4J_URI = "bolt://127.0.0.1:7687";

/** What `neo4j.auth.none()` returns at run time; the driver's type declarations leave `none` out. */
export const NO_AUTH = { scheme: "none" } as AuthToken;

export interface Neo4jConnectionSettings {
  uri: string;
  user?: string;
  password?: string;
  /** Database name; undefined uses the server's default database. */
  database?: string;
}

export function connectionSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConnectionSettings {
  return {
    uri: env.NEO4J_URI?.trim() || DEFAULT_NEO4J_URI,
    user: env.NEO4J_USER?.trim() || undefined,
    password: env.NEO4J_PASSWORD || undefined,
    database: env.NEO4J_DATABASE?.trim() || undefined,
  };
}

/** No password means no auth (the local launcher runs without it); a password means basic auth, user "neo4j" by default. */
export function authFor(settings: Pick<Neo4jConnectionSettings, "user" | "password">): AuthToken {
  return settings.password === undefined ? NO_AUTH : neo4j.auth.basic(settings.user ?? "neo4j", settings.password);
}

export interface OpenDriverOptions {
  /** Check that the server answers before returning (default true). */
  verify?: boolean;
  config?: Config;
}

/** Opens a driver; by default verifies connectivity and closes it again on failure. */
export async function openDriver(
  settings: Neo4jConnectionSettings = connectionSettingsFromEnv(),
  options: OpenDriverOptions = {},
): Promise<Driver> {
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, authFor(settings), { userAgent: "jianwen/0.1", ...options.config });
  } catch (error) {
    throw new Neo4jLoadError(
      `cypher/driver: "${settings.uri}" is not a usable Neo4j URI (${errorMessage(error)}); set NEO4J_URI to e.g. bolt://127.0.0.1:7687`,
      false,
      { cause: error },
    );
  }
  if (options.verify === false) return driver;
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    await driver.close();
    throw toNeo4jLoadError(error, settings.uri);
  }
  return driver;
}

/**
 * Closes a driver, waiting at most `timeoutMs` for it: closing sends a goodbye on every pooled connection, and a
 * server that went away mid-write must not hold up a process that is reporting exactly that.
 */
export async function closeDriver(driver: Driver, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([driver.close().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Maps a driver error to a Neo4jLoadError whose message says what to do. */
export function toNeo4jLoadError(error: unknown, uri: string): Neo4jLoadError {
  const code = errorCode(error);
  if (code.startsWith("Neo.ClientError.Security.")) {
    return new Neo4jLoadError(
      `cypher/driver: Neo4j at ${uri} refused the credentials (${errorMessage(error)}); set NEO4J_USER and NEO4J_PASSWORD`,
      false,
      { cause: error },
    );
  }
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || code === "") {
    return new Neo4jLoadError(
      `cypher/driver: nothing answers at ${uri} (${errorMessage(error)}); start it with \`npm run db:start\` or set NEO4J_URI`,
      true,
      { cause: error },
    );
  }
  return new Neo4jLoadError(
    `cypher/driver: Neo4j at ${uri} failed: ${errorMessage(error)} [${code}]`,
    isRetriable(error),
    {
      cause: error,
    },
  );
}

/**
 * Whether a Bolt server answers at `uri`. Refused credentials still count as answering: a server is there.
 * Used to decide whether to start one, so it never throws for an unreachable server. For bolt:// URIs a raw
 * handshake comes first: a listener that is not Bolt (say, a web server on that port) never replies to it, and
 * the driver would leave such a half-open socket holding the process open after close().
 */
export async function boltAnswers(uri: string, auth: AuthToken = NO_AUTH, timeoutMs = 3000): Promise<boolean> {
  const direct = /^bolt:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(uri);
  if (direct && !(await boltHandshake(direct[1]!.replace(/^\[|\]$/g, ""), Number(direct[2] ?? 7687), timeoutMs))) {
    return false;
  }
  const driver = neo4j.driver(uri, auth, {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch (error) {
    return errorCode(error).startsWith("Neo.ClientError.Security.");
  } finally {
    await driver.close();
  }
}

/** Whether anything accepts a TCP connection at host:port (Bolt or not). */
export function tcpAccepts(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => finish(true));
  });
}

/** Bolt's preamble and four version proposals (5.x, 4.4, 4.x, 3); a Bolt server answers with four bytes. */
const HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
  0x03,
]);

/** Whether something at host:port completes a Bolt handshake within the timeout; the socket is always destroyed. */
export function boltHandshake(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let received = 0;
    const finish = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("close", () => finish(received >= 4));
    socket.once("connect", () => socket.write(HANDSHAKE));
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 4) finish(true);
    });
  });
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function isRetriable(error: unknown): boolean {
  return (error as { retriable?: unknown } | null)?.retriable === true;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
