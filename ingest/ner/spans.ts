// `extract --spans`: one text a line in, one JSON line out per input line with PER/LOC/ORG spans in
// Unicode code points of that line. Streams: input is decoded chunk by chunk and output is written in
// batches, honouring backpressure, so huge inputs never become one string.
import { StringDecoder } from "node:string_decoder";
import { loadNer, type Ner } from "./index.js";

const TYPE_NAMES = { PER: "Person", LOC: "Place", ORG: "Organization" } as const;
const SURROGATE = /[\ud800-\udfff]/;

/** The JSON line for one input line (without the newline). */
export function spansLine(ner: Ner, line: string): string {
  if (line.length === 0) return '{"entities":[]}';
  const spans = ner.tag(line);
  if (spans.length === 0) return '{"entities":[]}';
  // UTF-16 → code point offsets; only lines with astral characters need the table.
  let cp: Int32Array | null = null;
  if (SURROGATE.test(line)) {
    cp = new Int32Array(line.length + 1);
    let c = 0;
    for (let u = 0; u < line.length; u++) {
      cp[u] = c;
      const code = line.charCodeAt(u);
      if (!(code >= 0xd800 && code <= 0xdbff && u + 1 < line.length)) c++;
    }
    cp[line.length] = c;
  }
  const parts = spans.map((s) => {
    const start = cp ? cp[s.start]! : s.start;
    const end = cp ? cp[s.end]! : s.end;
    return `{"start":${start},"end":${end},"type":"${TYPE_NAMES[s.type]}","text":${JSON.stringify(line.slice(s.start, s.end))}}`;
  });
  return `{"entities":[${parts.join(",")}]}`;
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> | null {
  if (output.write(text)) return null;
  return new Promise((resolve) => output.once("drain", () => resolve()));
}

export async function runSpans(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  ner: Ner = loadNer(),
): Promise<void> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  const flushLines = async (text: string, final: boolean): Promise<void> => {
    const lines = text.split("\n");
    rest = final ? "" : lines.pop()!;
    if (final && lines.length > 0 && lines[lines.length - 1] === "") lines.pop(); // a trailing newline ends the last line
    if (lines.length === 0) return;
    const out: string[] = [];
    for (const raw of lines) out.push(spansLine(ner, raw.endsWith("\r") ? raw.slice(0, -1) : raw));
    const wait = write(output, out.join("\n") + "\n");
    if (wait) await wait;
  };
  for await (const chunk of input) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    await flushLines(text, false);
  }
  const tail = rest + decoder.end();
  if (tail.length > 0) await flushLines(tail + "\n", true);
}
