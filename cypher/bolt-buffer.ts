// neo4j-driver packs every outgoing Bolt message into a 1,400-byte buffer and hands each full buffer to the socket
// as one write. A load sends megabytes of parameters (article texts, sentences), so that is tens of thousands of
// socket writes per load, each one waking the server's network thread. The driver has no setting for the size;
// this lets its chunker (neo4j-driver-bolt-connection's Chunker) switch to a buffer just under the largest Bolt
// chunk (65,535 bytes) when a message fills the small one, and back to the small one when the message has been
// sent: small messages (the API's reads) cost what they did, large ones go out in few writes. The framing is the
// chunker's own, so the bytes on the wire are the same Bolt, cut into fewer and larger chunks. Applied once, when
// this module is first imported; a driver whose internals differ is left as it is (writes are then only slower),
// and a test checks that the installed driver takes it.
import { createRequire } from "node:module";

/** The chunker buffer in use after the first flush: a Bolt chunk is at most 0xffff bytes, its header 2 of them. */
export const BOLT_WRITE_BUFFER_BYTES = 65_000;

interface ChannelBuffer {
  remaining(): number;
}

interface ChunkerInternals {
  _bufferSize: number;
  _buffer: ChannelBuffer | null;
  /** The buffer size the driver chose, kept when a large message switches to the large buffer. */
  _smallBufferSize?: number;
  flush(): unknown;
}

interface ChunkerModule {
  Chunker?: { prototype: ChunkerInternals };
}

/**
 * A buffer with fewer bytes left than this is full: the chunker flushes when the next value (at most 9 bytes of
 * packed header, or 1 byte of a longer string or byte array) and a 2-byte chunk header do not fit.
 */
const FULL_BELOW = 16;

let applied: boolean | undefined;

/** Lets the driver's chunker use a large buffer for large messages (see above); whether the installed driver took it. */
export function enlargeBoltWriteBuffer(): boolean {
  if (applied !== undefined) return applied;
  applied = false;
  try {
    const fromDriver = createRequire(createRequire(import.meta.url).resolve("neo4j-driver"));
    const chunking = fromDriver("neo4j-driver-bolt-connection/lib/channel/chunking.js") as ChunkerModule;
    const proto = chunking.Chunker?.prototype;
    if (!proto || typeof proto.flush !== "function") return applied;
    const flush = proto.flush;
    // The driver flushes when the buffer is full (in the middle of a message) and once its messages are written.
    // A full buffer is followed by a large one; a flush with room left, the end of the messages, by a small one
    // again, so that a short query does not allocate and zero 65 kB. Only the size of the buffer flush allocates
    // next changes; flush itself is the driver's.
    proto.flush = function (this: ChunkerInternals) {
      const full = this._buffer !== null && this._buffer.remaining() < FULL_BELOW;
      if (full && this._bufferSize < BOLT_WRITE_BUFFER_BYTES) {
        this._smallBufferSize ??= this._bufferSize;
        this._bufferSize = BOLT_WRITE_BUFFER_BYTES;
      } else if (!full && this._smallBufferSize !== undefined) this._bufferSize = this._smallBufferSize;
      return flush.call(this);
    };
    applied = true;
  } catch {
    // Another layout of the driver's package: nothing is changed.
  }
  return applied;
}

enlargeBoltWriteBuffer();
