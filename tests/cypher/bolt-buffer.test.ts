// The driver's Bolt write buffer, enlarged by cypher/bolt-buffer.ts: the installed neo4j-driver must take the
// change, and a large message must then reach the socket in a few writes instead of one per 1,400 bytes.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BOLT_WRITE_BUFFER_BYTES, enlargeBoltWriteBuffer } from "../../cypher/bolt-buffer.js";

const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
const { Chunker } = fromDriver("neo4j-driver-bolt-connection/lib/channel/chunking.js") as {
  Chunker: new (channel: { write(buffer: { length: number }): void }) => {
    putUInt8(position: number, value: number): void;
    messageBoundary(): void;
    flush(): void;
    _bufferSize: number;
  };
};

/** Writes messages of the given sizes through one chunker; the sizes of its socket writes, for each message. */
function writesFor(...messages: number[]): { sizes: number[][]; bufferAfter: number } {
  let current: number[] = [];
  const chunker = new Chunker({ write: (buffer) => current.push(buffer.length) });
  const sizes = messages.map((bytes) => {
    current = [];
    for (let i = 0; i < bytes; i++) chunker.putUInt8(0, i % 251);
    chunker.messageBoundary();
    chunker.flush();
    return current;
  });
  return { sizes, bufferAfter: chunker._bufferSize };
}

describe("enlargeBoltWriteBuffer", () => {
  it("is taken by the installed neo4j-driver", () => {
    expect(enlargeBoltWriteBuffer()).toBe(true);
  });

  it("sends a 300 kB message in a handful of socket writes, none over a Bolt chunk", () => {
    const [sizes] = writesFor(300_000).sizes;
    expect(sizes!.reduce((a, b) => a + b, 0)).toBeGreaterThan(300_000);
    expect(sizes!.length).toBeLessThanOrEqual(7);
    expect(Math.max(...sizes!)).toBeLessThanOrEqual(BOLT_WRITE_BUFFER_BYTES);
  });

  it("keeps a short message in one small write, before and after a large one", () => {
    const { sizes, bufferAfter } = writesFor(100, 200_000, 100);
    expect(sizes[0]).toEqual([104]);
    expect(sizes[2]).toEqual([104]);
    expect(sizes[1]!.length).toBeLessThanOrEqual(5);
    expect(bufferAfter).toBeLessThan(BOLT_WRITE_BUFFER_BYTES);
  });
});
