// Layout repair: decoded text → normalized blocks. Rejoins Chinese broken by column spaces, normalizes width and
// punctuation, and reads the masthead of a page. One block is one printed line or paragraph of the input.
import type { RawDocument } from "./types.js";
import { readMasthead, type Masthead } from "./masthead.js";
import { codePointLength, joinCjkSpaces, normalizePunctuation, toHalfWidth } from "./text.js";

export interface Block {
  /** Text with layout spaces removed, for reading. */
  text: string;
  /** Text with its original spacing (half width), for headlines whose spaces separate phrases. */
  spaced: string;
}

export interface LaidOutPage {
  raw: RawDocument;
  masthead: Masthead;
  blocks: Block[];
}

function cleanLine(line: string): string {
  return toHalfWidth(line.replace(/\uFEFF/g, "").replace(/[\u200b-\u200d]/g, ""))
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

export function makeBlock(line: string): Block {
  const spaced = normalizePunctuation(cleanLine(line));
  return { text: joinCjkSpaces(spaced), spaced };
}

/**
 * A page keeps its lines as blocks (the split stage reassembles columns); an article file joins hard-wrapped lines
 * into paragraphs at blank lines, since its line breaks are only wrapping.
 */
export function repairLayout(raw: RawDocument): LaidOutPage {
  const lines = raw.text.replace(/\r\n?/g, "\n").split("\n");
  const masthead =
    raw.kind === "page" ? readMasthead(lines) : { paper: null, publisher: null, date: null, issue: null, lines: 0 };
  const body = lines.slice(masthead.lines);
  const blocks: Block[] = [];
  if (raw.kind === "page") {
    for (const line of body) {
      const block = makeBlock(line);
      if (block.text) blocks.push(block);
    }
  } else {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) {
        const block = makeBlock(paragraph.join(" "));
        if (block.text) blocks.push(block);
      }
      paragraph = [];
    };
    // Text whose line breaks are not wrapping (a crawler's paragraphs one a line, headlines above them) keeps
    // every line as its own block: joining 隆重举行 and the next headline line makes one false name of two.
    const wrapped = hardWrapped(body);
    for (const line of body) {
      if (!line.trim()) flush();
      else if (!wrapped) {
        paragraph.push(line);
        flush();
      } else {
        paragraph.push(line);
        // A line that ends a sentence and is followed by an indented or short line is a paragraph end in most exports.
        if (/[。！？!?”」]\s*$/.test(line.trim()) && line.length < 40) flush();
      }
    }
    flush();
  }
  return { raw, masthead, blocks };
}

/**
 * Whether a text's lines are wrapped at a width: most lines that another line follows within a paragraph run to
 * near the longest line (a fixed column), where paragraphs one a line vary from a short headline to hundreds of
 * characters. Text with no line followed by another has nothing to join either way.
 */
export function hardWrapped(lines: string[]): boolean {
  const lengths = lines.map((l) => codePointLength(l.trim()));
  const inner = lengths.filter((n, i) => n > 0 && (lengths[i + 1] ?? 0) > 0);
  if (!inner.length) return true;
  const width = Math.max(...lengths);
  return inner.filter((n) => n >= width * 0.75).length >= inner.length * 0.7;
}
