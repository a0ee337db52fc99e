// The text checks of the read stage: Han characters counted (astral ones too), counting stopped at what a check
// needs, and a text below the minimum refused with the no-chinese code.
import { describe, expect, it } from "vitest";
import { checkText, countHan } from "../../../ingest/read/checks.js";
import { ReadFailureSignal } from "../../../ingest/read/failure.js";

describe("countHan", () => {
  it("counts Han characters, including those outside the basic plane, and nothing else", () => {
    expect(countHan("abc 123，。")).toBe(0);
    expect(countHan("聊城 daily 日报")).toBe(4);
    expect(countHan("𠀀𪚥x")).toBe(2);
  });

  it("stops at the bound and counts the same again on the next call", () => {
    const text = "中".repeat(50);
    expect(countHan(text, 3)).toBe(3);
    expect(countHan(text)).toBe(50);
    expect(countHan(text, 0)).toBe(0);
  });
});

describe("checkText", () => {
  it("passes a text with enough Han characters and refuses one with too few", () => {
    expect(() => checkText("一二", "a.txt", 2)).not.toThrow();
    let caught: unknown;
    try {
      checkText("only one 字", "b.txt", 2, 7);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ReadFailureSignal);
    const { failure } = caught as ReadFailureSignal;
    expect(failure.reason).toBe("no-chinese");
    expect(failure.line).toBe(7);
  });
});
