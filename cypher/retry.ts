// Retries with exponential backoff for Neo4j work that may meet a concurrent twin: transient errors (lock
// deadlocks, a leader switch, a server restarting) and, for schema statements, "already exists" races. The
// driver's managed transactions retry transient errors by themselves; auto-commit statements (schema commands)
// and whole loads need this. The loop, backoff and jitter are p-retry's.
import neo4j from "neo4j-driver";
import pRetry from "p-retry";

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubled each time up to maxMs, times a random factor from 1 to 2. */
  baseMs: number;
  maxMs: number;
  /** Whether the error is worth another try. */
  retryOn: (error: unknown) => boolean;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 8, baseMs: 100, maxMs: 3000, retryOn: isTransient };

export async function withRetries<T>(
  work: (attempt: number) => Promise<T>,
  options: Partial<RetryOptions> = {},
): Promise<T> {
  const opts = { ...DEFAULT_RETRY, ...options };
  return pRetry(work, {
    retries: Math.max(0, opts.attempts - 1),
    factor: 2,
    minTimeout: opts.baseMs,
    maxTimeout: opts.maxMs,
    randomize: true,
    shouldRetry: ({ error }) => opts.retryOn(error),
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The Neo4j code of a driver error, or "" when it has none. */
export function neo4jCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/**
 * Transient by Neo4j's own classification: TransientError.* (deadlocks, a database restarting) but not a
 * transaction someone terminated, and lost connections — what the driver itself retries.
 */
export function isTransient(error: unknown): boolean {
  const code = neo4jCode(error);
  if (/^Neo\.TransientError\.Transaction\.(Terminated|LockClientStopped)$/.test(code)) return false;
  return neo4j.isRetryableError(error as Error) || code.startsWith("Neo.TransientError.") || isUnavailable(error);
}

/** Nothing answers: the server is down, unreachable, or dropped the connection. */
export function isUnavailable(error: unknown): boolean {
  const code = neo4jCode(error);
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED;
}
