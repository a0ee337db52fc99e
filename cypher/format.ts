// Prints query rows for people and programs: an aligned table (Han characters count two columns, measured by
// string-width), CSV (RFC 4180 quoting) or JSON lines of objects.
import stringWidth from "string-width";

export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const MAX_CELL_WIDTH = 60;

/** One cell as text: nodes as (Label name), relationships as [:TYPE], lists joined, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.labels) && typeof v.properties === "object" && v.properties !== null) {
      const p = v.properties as Record<string, unknown>;
      return `(${(v.labels as string[]).join(":")} ${cellText(p.name ?? p.title ?? v.id)})`;
    }
    if (typeof v.type === "string" && "start" in v && "end" in v) return `[:${v.type}]`;
    if (Array.isArray(v.nodes) && Array.isArray(v.relationships)) return (v.nodes as unknown[]).map(cellText).join("→");
    return JSON.stringify(value);
  }
  return String(value);
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, " ");
  if (stringWidth(oneLine) <= width) return oneLine;
  let out = "";
  for (const ch of oneLine) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

export function formatTable(columns: string[], rows: unknown[][]): string {
  // Tables are for reading: floats to six significant digits (CSV and JSON keep full precision).
  const short = (v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? String(Number(v.toPrecision(6))) : cellText(v);
  const cells = rows.map((row) => row.map((v) => clip(short(v), MAX_CELL_WIDTH)));
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === "number" || r[i] === null),
  );
  const widths = columns.map((c, i) => Math.max(stringWidth(c), ...cells.map((r) => stringWidth(r[i] ?? ""))));
  const line = (parts: string[]) =>
    parts
      .map((p, i) => pad(p, widths[i]!, numeric[i]!))
      .join(" │ ")
      .trimEnd();
  const out = [line(columns), widths.map((w) => "─".repeat(w)).join("─┼─"), ...cells.map(line)];
  return out.join("\n");
}

function csvField(value: unknown): string {
  const text =
    typeof value === "object" && value !== null && !Array.isArray(value) ? JSON.stringify(value) : cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(columns: string[], rows: unknown[][]): string {
  return [columns.map(csvField).join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\r\n");
}

/** One JSON object a line, keyed by column: easy to pipe into jq or another program. */
export function formatJsonLines(columns: string[], rows: unknown[][]): string {
  return rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))).join("\n");
}

export function formatRows(format: OutputFormat, columns: string[], rows: unknown[][]): string {
  switch (format) {
    case "table":
      return formatTable(columns, rows);
    case "csv":
      return formatCsv(columns, rows);
    case "json":
      return formatJsonLines(columns, rows);
  }
}
