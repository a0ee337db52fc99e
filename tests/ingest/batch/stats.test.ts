// The write time of a run with several loads in flight: the union of their spans, not the sum.
import { describe, expect, it } from "vitest";
import { unionLength } from "../../../ingest/batch/stats.js";

describe("unionLength", () => {
  it("adds spans that do not touch and counts overlapping ones once", () => {
    expect(unionLength([])).toBe(0);
    expect(unionLength([[0, 10]])).toBe(10);
    expect(
      unionLength([
        [0, 10],
        [20, 25],
      ]),
    ).toBe(15);
    expect(
      unionLength([
        [0, 10],
        [5, 12],
      ]),
    ).toBe(12);
    expect(
      unionLength([
        [30, 40],
        [0, 10],
        [2, 4],
        [9, 31],
      ]),
    ).toBe(40);
  });

  it("ignores empty and reversed spans", () => {
    expect(
      unionLength([
        [5, 5],
        [8, 3],
        [1, 2],
      ]),
    ).toBe(1);
  });
});
