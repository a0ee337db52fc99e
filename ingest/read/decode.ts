// Bytes → text: detect the encoding (BOM, strict UTF-8, then chardet), decode with iconv-lite, and refuse
// binary data or invalid bytes with the offset of the first bad byte, so the user can find and fix it.
import chardet from "chardet";
import iconv from "iconv-lite";
import { fail } from "./failure.js";

export interface Decoded {
  text: string;
  /** The encoding used, as iconv-lite names it. */
  encoding: string;
}

/** chardet names that can hold Chinese text, mapped to the iconv-lite decoder used for them. */
const CHINESE_CAPABLE: Record<string, string> = {
  "UTF-8": "utf-8",
  GB18030: "gb18030",
  Big5: "big5",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
};

const REPLACEMENT = "\uFFFD";

/** Decodes one document's bytes, detecting the encoding unless one is forced. */
export function decodeBytes(bytes: Buffer, file: string, forced: string | null, line?: number): Decoded {
  return decodeWith(bytes, forced ?? chooseEncoding(bytes, file, line), file, line);
}

/** The encoding of these bytes: a byte-order mark wins, then strict UTF-8, then chardet's best Chinese-capable guess. */
export function chooseEncoding(bytes: Buffer, file: string, line?: number): string {
  return bomEncoding(bytes)?.encoding ?? detectEncoding(bytes, file, line);
}

/** Decodes with a known encoding, refusing binary data and bytes the encoding cannot map. */
export function decodeWith(bytes: Buffer, encoding: string, file: string, line?: number): Decoded {
  const at = line === undefined ? {} : { line };
  const ofLine = line === undefined ? "" : " of the line";
  const bomLength = bomEncoding(bytes)?.length ?? 0;
  const body = bytes.subarray(bomLength);
  const normalized = encoding.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (!normalized.startsWith("utf16") && !normalized.startsWith("ucs2")) {
    const binaryAt = binaryOffset(body);
    if (binaryAt >= 0) {
      fail(
        file,
        "binary",
        `is binary, not text (control byte 0x${body[binaryAt]!.toString(16).padStart(2, "0")} at byte ${binaryAt + bomLength}${ofLine})`,
        "give text, Markdown, JSONL or HTML files; for UTF-16 without a byte-order mark pass --encoding utf-16le",
        at,
      );
    }
  }
  if (normalized === "utf8") {
    // Fast path for the common case: the platform's strict decoder, with a scan only to locate a failure.
    try {
      return { text: STRICT_UTF8.decode(body), encoding: "utf-8" };
    } catch {
      const offset = scanUtf8(body).firstBad + bomLength;
      fail(file, "invalid-bytes", `is not valid UTF-8 text (first bad byte at ${offset}${ofLine})`, FIX_BYTES, at);
    }
  }
  const text = iconv.decode(body, encoding, { stripBOM: true });
  const bad = firstBadByte(text, body, encoding);
  if (bad >= 0) {
    fail(
      file,
      "invalid-bytes",
      `is not valid ${encoding} text (first bad byte at ${bad + bomLength}${ofLine})`,
      FIX_BYTES,
      at,
    );
  }
  return { text, encoding };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const FIX_BYTES = "fix or remove the damaged bytes, convert the file to UTF-8 or GB18030, or pass --encoding";

function bomEncoding(bytes: Buffer): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function detectEncoding(bytes: Buffer, file: string, line?: number): string {
  const utf8 = scanUtf8(bytes);
  if (utf8.firstBad < 0) return "utf-8";
  // Mostly well-formed UTF-8 with a stray bad byte: report the byte instead of guessing a legacy encoding,
  // which would decode the UTF-8 sequences around it into plausible-looking nonsense.
  if (utf8.validMultiByte > 0 && utf8.validMultiByte >= 4 * utf8.invalid) {
    fail(
      file,
      "invalid-bytes",
      `is not valid UTF-8 text (first bad byte at ${utf8.firstBad}${line === undefined ? "" : " of the line"})`,
      FIX_BYTES,
      line === undefined ? {} : { line },
    );
  }
  for (const match of chardet.analyse(bytes)) {
    const decoder = CHINESE_CAPABLE[match.name];
    if (decoder && decoder !== "utf-8") return decoder;
  }
  // Nothing Chinese-capable was recognised: GB18030 is the likeliest legacy encoding of Chinese news, and its
  // decoder pinpoints the first byte that does not fit.
  return "gb18030";
}

/** Offset of the first byte that marks the data as binary (NUL or a C0 control other than tab/newline/form feed/escape). */
function binaryOffset(bytes: Buffer): number {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return nul;
  let controls = 0;
  let first = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
      controls++;
      if (first < 0) first = i;
    }
  }
  // A few stray control characters happen in real exports; many mean it is not text at all.
  return controls > 0 && controls * 100 > bytes.length ? first : -1;
}

interface Utf8Scan {
  firstBad: number;
  invalid: number;
  validMultiByte: number;
}

/** One pass over the bytes counting well-formed multi-byte UTF-8 sequences and malformed bytes. */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let firstBad = -1;
  let invalid = 0;
  let validMultiByte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    let code = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (c & 0x3f);
    }
    if (ok && (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) ok = false;
    if (ok) {
      validMultiByte++;
      i += need + 1;
    } else {
      invalid++;
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { firstBad, invalid, validMultiByte };
}

/**
 * Byte offset of the first byte the decoder could not map (it produced U+FFFD there), or -1.
 * A U+FFFD that the file itself encodes is skipped by checking that re-encoding the prefix lands on it.
 */
function firstBadByte(text: string, bytes: Buffer, encoding: string): number {
  let from = 0;
  for (;;) {
    const index = text.indexOf(REPLACEMENT, from);
    if (index < 0) return -1;
    const offset = iconv.encode(text.slice(0, index), encoding).length;
    const literal = iconv.encode(REPLACEMENT, encoding);
    if (!bytes.subarray(offset, offset + literal.length).equals(literal)) return offset;
    from = index + 1;
  }
}
