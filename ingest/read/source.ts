// Opening one input as a stream of bytes: a file or standard input, gunzipped when it starts with the gzip magic
// bytes, with the size limit enforced while streaming so a huge input is refused without being held in memory.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { fail, ReadFailureSignal, readFailure } from "./failure.js";

export interface InputSource {
  /** The name shown in messages and reports: the path as the user gave or as the walk found it, "-" for stdin. */
  file: string;
  /** null reads standard input. */
  path: string | null;
}

export interface OpenedInput {
  /** True when the bytes were gunzipped. */
  gzip: boolean;
  /** The first decompressed chunk (possibly empty), for sniffing the format. */
  head: Buffer;
  /** All decompressed bytes, head included. */
  chunks: AsyncIterable<Buffer>;
}

export interface OpenOptions {
  /** Called with the number of raw (on-disk, still compressed) bytes each time a chunk is read. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** What "-" reads; process.stdin unless given (tests and embedding callers pass their own stream). */
  stdin?: Readable | undefined;
  /** Checked against the on-disk size before reading, for files read whole. */
  maxBytes?: number | undefined;
}

export async function openInput(source: InputSource, options: OpenOptions = {}): Promise<OpenedInput> {
  if (source.path !== null) {
    const info = await stat(source.path).catch((error: unknown) => {
      throw new ReadFailureSignal(fsFailure(source.file, error));
    });
    if (!info.isFile()) fail(source.file, "unreadable", "is not a regular file", "give a file, a directory or a glob");
    if (info.size === 0) fail(source.file, "empty", "is empty", "remove it from the input or fill it");
    if (options.maxBytes !== undefined && info.size > options.maxBytes)
      tooLarge(source.file, info.size, options.maxBytes);
  }
  const raw =
    source.path === null
      ? (options.stdin ?? process.stdin)
      : createReadStream(source.path, { highWaterMark: 256 * 1024 });
  const iterator = countBytes(source.file, raw, options.onBytes)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const firstChunk: Buffer = first.done ? Buffer.alloc(0) : first.value;
  if (first.done && source.path === null) fail(source.file, "empty", "standard input is empty", "pipe some text in");
  const rest = (async function* () {
    if (!first.done) yield firstChunk;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  if (firstChunk[0] !== 0x1f || firstChunk[1] !== 0x8b) return { gzip: false, head: firstChunk, chunks: rest };
  const gunzipped = gunzip(source.file, rest)[Symbol.asyncIterator]();
  const head = await gunzipped.next();
  if (head.done) fail(source.file, "empty", "is an empty gzip archive", "remove it from the input");
  return {
    gzip: true,
    head: head.value,
    chunks: (async function* () {
      yield head.value;
      for (;;) {
        const next = await gunzipped.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  };
}

/** Collects a whole input, failing as soon as it passes the limit. */
export async function readAll(file: string, chunks: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) tooLarge(file, total, maxBytes, true);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

export function tooLarge(file: string, size: number, max: number, atLeast = false): never {
  fail(
    file,
    "too-large",
    `is ${atLeast ? "more than " : ""}${formatBytes(size)}, over the ${formatBytes(max)} limit for one document`,
    "split it, save it as JSONL (read line by line), or raise --max-bytes",
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

async function* countBytes(file: string, stream: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      onBytes?.(buffer.length);
      yield buffer;
    }
  } catch (error) {
    throw new ReadFailureSignal(fsFailure(file, error));
  }
}

async function* gunzip(file: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const inflate = createGunzip();
  const source = Readable.from(chunks);
  source.on("error", (error) => inflate.destroy(error));
  source.pipe(inflate);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof ReadFailureSignal) throw error;
    fail(
      file,
      "invalid-gzip",
      `is a damaged gzip archive (${(error as Error).message})`,
      "download or compress it again",
      {
        cause: error,
      },
    );
  } finally {
    source.destroy();
  }
}

/** Maps a file-system error to the failure a user can act on. */
export function fsFailure(file: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return readFailure(file, "missing", "does not exist", "check the path", {
      cause: error,
    });
  }
  const why = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? (error as Error).message);
  return readFailure(file, "unreadable", `cannot be read (${why})`, "check its permissions and that it is a file", {
    cause: error,
  });
}
