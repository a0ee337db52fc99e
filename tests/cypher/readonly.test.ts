// Unit tests of how driver failures become QueryErrors with stable codes the service maps to HTTP statuses.
import { describe, expect, it } from "vitest";
import { QueryError } from "../../core/errors.js";
import { toQueryError } from "../../cypher/readonly.js";

function neo4jError(code: string, message = "boom"): Error {
  return Object.assign(new Error(message), { code });
}

describe("toQueryError", () => {
  it.each([
    ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", "TIMEOUT"],
    ["Neo.ClientError.Statement.SyntaxError", "SYNTAX"],
    ["Neo.ClientError.Statement.ParameterMissing", "SYNTAX"],
    ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", "TOO_BIG"],
    ["Neo.ClientError.Statement.AccessMode", "WRITE_REFUSED"],
    ["Neo.ClientError.Statement.UnsupportedAdministrationCommand", "WRITE_REFUSED"],
    ["Neo.ClientError.Procedure.ProcedureNotFound", "NEO4J_CLIENT"],
    ["Neo.ClientError.Statement.ArithmeticError", "NEO4J_CLIENT"],
    ["ServiceUnavailable", "NEO4J_UNAVAILABLE"],
    ["SessionExpired", "NEO4J_UNAVAILABLE"],
    ["Neo.TransientError.General.DatabaseUnavailable", "NEO4J_UNAVAILABLE"],
    ["Neo.DatabaseError.General.UnknownError", "NEO4J"],
  ])("maps %s to %s", (code, expected) => {
    const error = toQueryError(neo4jError(code));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.code).toBe(expected);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.neo4jCode).toBe(code);
  });

  it("passes a QueryError through unchanged", () => {
    const original = new QueryError("x", "WRITE_REFUSED");
    expect(toQueryError(original)).toBe(original);
  });
});
