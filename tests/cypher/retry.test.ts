// Which Neo4j failures are tried again (deadlocks, transient errors, a concurrent twin's schema rule) and which
// are not, and that the retries stop after their number of attempts.
import { describe, expect, it } from "vitest";
import { isTransient, isUnavailable, withRetries } from "../../cypher/retry.js";
import { isSchemaRace } from "../../cypher/schema.js";

const neo4jError = (code: string) => Object.assign(new Error(code), { code });

describe("withRetries", () => {
  it("tries a deadlock again until it succeeds", async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw neo4jError("Neo.TransientError.Transaction.DeadlockDetected");
        return "done";
      },
      { baseMs: 1 },
    );
    expect([result, calls]).toEqual(["done", 3]);
  });

  it("does not try a client error again", async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls++;
        throw neo4jError("Neo.ClientError.Statement.SyntaxError");
      },
      { baseMs: 1 },
    );
    await expect(failing).rejects.toMatchObject({ code: "Neo.ClientError.Statement.SyntaxError" });
    expect(calls).toBe(1);
  });

  it("gives up after its attempts", async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls++;
        throw neo4jError("Neo.TransientError.General.DatabaseUnavailable");
      },
      { attempts: 4, baseMs: 1 },
    );
    await expect(failing).rejects.toBeInstanceOf(Error);
    expect(calls).toBe(4);
  });
});

describe("error classes", () => {
  it.each([
    ["Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", true],
    ["Neo.ClientError.Schema.IndexAlreadyExists", true],
    ["Neo.ClientError.Schema.ConstraintAlreadyExists", true],
    ["Neo.ClientError.Schema.ConstraintValidationFailed", false],
    ["Neo.DatabaseError.Schema.ConstraintCreationFailed", false],
  ])("takes %s for a concurrent twin's rule: %s", (code, expected) => {
    expect(isSchemaRace(neo4jError(code))).toBe(expected);
  });

  it.each([
    ["Neo.TransientError.Transaction.DeadlockDetected", true, false],
    ["ServiceUnavailable", true, true],
    ["SessionExpired", true, true],
    ["Neo.TransientError.Transaction.Terminated", false, false],
    ["Neo.ClientError.Statement.SyntaxError", false, false],
    ["Neo.DatabaseError.General.UnknownError", false, false],
  ])("classes %s as transient %s, unavailable %s", (code, transient, unavailable) => {
    expect([isTransient(neo4jError(code)), isUnavailable(neo4jError(code))]).toEqual([transient, unavailable]);
  });
});
