// neo4j-driver packs every outgoing Bolt message into a 1,400-byte buffer and hands each full buffer to the socket
// as one write. A load sends megabytes of parameters (article texts, sentences), so that is tens of thousands of
// socket writes per load, each one waking the server's network thread. The driver has no setting for the size;
// this enlarges the buffer of its chunker (org: neo4j-driver-bolt-connection, Chunker) to just under the largest
// Bolt chunk (65,535 bytes) after its first flush. The message framing is the chunker's own, so the bytes on the
// wire are the same Bolt, cut into fewer and larger chunks. Applied once, when this module is first imported; a
// driver whose internals differ is left as it is (writes are then only slower), and a test checks that the
// installed driver takes it.
import { createRequire } from "node:module";

/** The chunker buffer in use after the first flush: a Bolt chunk is at most 0xffff bytes, its header 2 of them. */
export const BOLT_WRITE_BUFFER_BYTES = 65_000;

interface ChunkerInternals {
  _bufferSize: number;
  _buffer: unknown;
  flush(): unknown;
}

interface ChunkerModule {
  Chunker?: { prototype: ChunkerInternals };
}

let applied: boolean | undefined;

/** Enlarges the driver's write buffer (see above); returns whether the installed driver took it. */
export function enlargeBoltWriteBuffer(): boolean {
  if (applied !== undefined) return applied;
  applied = false;
  try {
    const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
    const chunking = fromDriver("neo4j-driver-bolt-connection/lib/channel/chunking.js") as ChunkerModule;
    const buffers = fromDriver("neo4j-driver-bolt-connection/lib/channel/channel-buf.js") as {
      alloc?: (size: number) => unknown;
    };
    const proto = chunking.Chunker?.prototype;
    const alloc = buffers.alloc;
    if (!proto || typeof proto.flush !== "function" || typeof alloc !== "function") return applied;
    const flush = proto.flush;
    proto.flush = function (this: ChunkerInternals) {
      const out = flush.call(this);
      if (typeof this._bufferSize === "number" && this._bufferSize < BOLT_WRITE_BUFFER_BYTES) {
        // The buffer flush has just allocated is empty, so it is replaced by a larger one without losing bytes.
        this._bufferSize = BOLT_WRITE_BUFFER_BYTES;
        this._buffer = alloc(BOLT_WRITE_BUFFER_BYTES);
      }
      return out;
    };
    applied = true;
  } catch {
    // Another layout of the driver's package: nothing is changed.
  }
  return applied;
}

enlargeBoltWriteBuffer();
