// Typed errors: callers check the class, not the message. Only the CLI's main() maps them to exit codes.

export class JianwenError extends Error {
  /** Process exit code the CLI uses for this class of failure. */
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A file or argument the user gave cannot be read as news input. */
export class InputError extends JianwenError {
  override readonly exitCode = 2;
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A setting or command-line option is invalid. */
export class SettingsError extends JianwenError {
  override readonly exitCode = 2;
}

/** Extraction failed on text that was read correctly: a bug or a model problem, not the user's input. */
export class ExtractionError extends JianwenError {}

/** Neo4j could not be reached or refused a write. */
export class Neo4jLoadError extends JianwenError {
  override readonly exitCode = 3;
  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A user query was refused (writes, schema changes) or failed. */
export class QueryError extends JianwenError {
  override readonly exitCode = 4;
  /** Neo4j's own status code (e.g. Neo.ClientError.Procedure.ProcedureNotFound) when Neo4j refused the query. */
  readonly neo4jCode: string | undefined;
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown; neo4jCode?: string },
  ) {
    super(message, options);
    this.neo4jCode = options?.neo4jCode;
  }
}
