// Unit tests of row formatting: wide Han characters align, CSV quotes, nodes print by name.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { cellText, formatCsv, formatJsonLines, formatTable } from "../../cypher/format.js";

describe("formatTable", () => {
  it("aligns columns holding Han characters by display width", () => {
    const table = formatTable(
      ["person", "n"],
      [
        ["李长萍", 12],
        ["Li", 3],
      ],
    );
    const lines = table.split("\n");
    const bar = lines.map((l) => stringWidth(l.slice(0, l.indexOf("│"))));
    expect(new Set(bar.filter((_, i) => i !== 1)).size).toBe(1);
    expect(lines[2]).toContain("李长萍");
    expect(lines[3]).toMatch(/Li\s+│\s+3$/);
  });

  it("clips a long cell to a readable width with an ellipsis", () => {
    const table = formatTable(["sentence"], [["会".repeat(100)]]);
    expect(stringWidth(table.split("\n")[2]!)).toBeLessThanOrEqual(60);
    expect(table).toContain("…");
  });
});

describe("cellText", () => {
  it("prints a node by its labels and name and a relationship by its type", () => {
    expect(cellText({ id: "person:甲", labels: ["Person"], properties: { name: "甲" } })).toBe("(Person 甲)");
    expect(cellText({ type: "RUNS", start: "a", end: "b", properties: {} })).toBe("[:RUNS]");
    expect(cellText(["a", "b"])).toBe("a, b");
    expect(cellText(null)).toBe("");
  });
});

describe("formatCsv and formatJsonLines", () => {
  it("quotes fields holding commas, quotes or line breaks", () => {
    expect(formatCsv(["a", "b"], [["x,y", 'say "hi"']])).toBe('a,b\r\n"x,y","say ""hi"""');
  });

  it("writes one JSON object a row", () => {
    expect(formatJsonLines(["a", "b"], [[1, null]])).toBe('{"a":1,"b":null}');
  });
});
