// A read failure: one input (a file, or one JSONL line) that cannot be read as news, with the reason and the fix.
// The read stage yields failures beside documents instead of throwing, so one bad file never stops a run.
import { InputError } from "../../core/errors.js";

export interface ReadFailure {
  kind: "failure";
  file: string;
  /** 1-based line, for JSONL inputs. */
  line?: number;
  /** Short machine-friendly reason code, for reports and tests. */
  reason: ReadFailureReason;
  error: InputError;
}

export const READ_FAILURE_REASONS = [
  "missing",
  "unreadable",
  "empty",
  "binary",
  "invalid-bytes",
  "no-chinese",
  "too-large",
  "invalid-json",
  "invalid-record",
  "invalid-front-matter",
  "invalid-gzip",
  "no-match",
] as const;
export type ReadFailureReason = (typeof READ_FAILURE_REASONS)[number];

/** Builds the failure and its InputError; the message reads `ingest/read: FILE[: line N]: what; what to do`. */
export function readFailure(
  file: string,
  reason: ReadFailureReason,
  what: string,
  fix: string,
  options: { line?: number; cause?: unknown } = {},
): ReadFailure {
  const where = options.line === undefined ? file : `${file}: line ${options.line}`;
  const error = new InputError(`ingest/read: ${where}: ${what}; ${fix}`, file, options.line, { cause: options.cause });
  const failure: ReadFailure = { kind: "failure", file, reason, error };
  if (options.line !== undefined) failure.line = options.line;
  return failure;
}

/** Thrown inside the read stage and turned into a ReadFailure at the file boundary. */
export class ReadFailureSignal extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.error.message);
  }
}

export function fail(...args: Parameters<typeof readFailure>): never {
  throw new ReadFailureSignal(readFailure(...args));
}
