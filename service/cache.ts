// Answers of the service's own graph reads (neighbours, node, search, path, overview, stats), kept as JSON text
// until the graph changes. The graph's version is the bookmark Neo4j returns with every read: it names the
// database's last committed transaction, so it moves on any write, whoever makes it (an ingest, `jianwen
// analyze`, a user's own script), and it costs no extra query. The cache keeps the newest bookmark it has seen;
// an entry made under another one is stale. When no read has passed for `checkMs`, the next request re-reads the
// bookmark first (one `RETURN 1` shared by every request waiting on it), so a write elsewhere shows within
// `checkMs`. Entries are bounded by total size (lru-cache, least recently used out first).
import { LRUCache } from "lru-cache";
import type { ReadOpts } from "./graph-read.js";

export interface ReadCacheOptions {
  /** Total size of the kept answers, in UTF-16 units of their JSON (default 64 M, about 128 MB). */
  maxSize?: number;
  /** How long a seen bookmark is trusted without a read confirming it (default 1000 ms). */
  checkMs?: number;
}

export type CacheOutcome = "hit" | "miss";

interface Entry {
  stamp: string;
  json: string;
}

export class ReadCache {
  private stamp: string | null = null;
  private seenAt = 0;
  private probing: Promise<void> | null = null;
  private readonly entries: LRUCache<string, Entry>;
  private readonly checkMs: number;

  /** `probe` runs a trivial read with the given options, so its bookmark reaches `onBookmark`. */
  constructor(
    private readonly read: ReadOpts,
    private readonly probe: (opts: ReadOpts) => Promise<unknown>,
    options: ReadCacheOptions = {},
  ) {
    this.checkMs = options.checkMs ?? 1000;
    const maxSize = options.maxSize ?? 64 * 1024 * 1024;
    this.entries = new LRUCache<string, Entry>({
      maxSize,
      // Entries larger than an eighth of the cache are not kept: one huge answer should not empty it.
      maxEntrySize: Math.max(1, Math.floor(maxSize / 8)),
      sizeCalculation: (e, key) => e.json.length + key.length + 64,
    });
  }

  private saw(bookmark: string): void {
    this.stamp = bookmark;
    this.seenAt = Date.now();
  }

  /** Makes sure the stamp is at most `checkMs` old. */
  private async current(): Promise<string | null> {
    if (this.stamp !== null && Date.now() - this.seenAt < this.checkMs) return this.stamp;
    this.probing ??= this.probe({ ...this.read, onBookmark: (b) => this.saw(b) })
      .then(() => undefined)
      .finally(() => {
        this.probing = null;
      });
    await this.probing;
    return this.stamp;
  }

  /** Drops every kept answer: the service itself just wrote to the graph. */
  forget(): void {
    this.stamp = null;
    this.entries.clear();
  }

  /** The JSON answer for `key`: kept, or computed by `work` (given read options to pass to its reads). */
  async get<T>(key: string, work: (opts: ReadOpts) => Promise<T>): Promise<{ json: string; outcome: CacheOutcome }> {
    const stamp = await this.current();
    const kept = this.entries.get(key);
    if (kept && kept.stamp === stamp) return { json: kept.json, outcome: "hit" };
    let readStamp: string | null = null;
    const value = await work({
      ...this.read,
      onBookmark: (b) => {
        readStamp = b;
        this.saw(b);
      },
    });
    const json = JSON.stringify(value);
    // Kept only when the read says which version of the graph it saw.
    if (readStamp !== null) this.entries.set(key, { stamp: readStamp, json });
    return { json, outcome: "miss" };
  }
}
