// Which reader a file needs: by its extension (after any .gz), else by sniffing its first bytes.
export const INPUT_FORMATS = ["text", "markdown", "jsonl", "json", "html"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const EXTENSIONS: Record<string, InputFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  jsonl: "jsonl",
  ndjson: "jsonl",
  json: "json",
  html: "html",
  htm: "html",
  xhtml: "html",
  shtml: "html",
};

export function formatFromName(name: string): InputFormat | null {
  const lower = name.toLowerCase();
  const base = lower.endsWith(".gz") ? lower.slice(0, -3) : lower;
  const dot = base.lastIndexOf(".");
  if (dot < 0) return null;
  return EXTENSIONS[base.slice(dot + 1)] ?? null;
}

/**
 * Guesses from the first non-blank characters: `[` or a `{` alone on its line JSON, `{` JSONL, `<` HTML, `---`
 * front matter, anything else text.
 */
export function sniffFormat(head: Buffer): InputFormat {
  let ascii = "";
  const bom = head[0] === 0xef ? 3 : head[0] === 0xff || head[0] === 0xfe ? 2 : 0;
  // NULs are skipped so UTF-16 ASCII reads as ASCII; the first non-ASCII byte ends the look (Chinese text).
  for (const byte of head.subarray(bom, 1024)) {
    if (byte === 0) continue;
    if (byte >= 0x80) break;
    ascii += String.fromCharCode(byte);
    if (ascii.trim().length >= 3) break;
  }
  const start = ascii.trimStart();
  if (start.startsWith("[") || /^\{[ \t\r]*\n/.test(start)) return "json";
  if (start.startsWith("{")) return "jsonl";
  if (start.startsWith("<")) return "html";
  if (start.startsWith("---")) return "markdown";
  return "text";
}
