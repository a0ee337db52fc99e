// Sharding by content: each read document goes to one shard by the hash of its text, so several processes or
// machines given the same archive split it without talking to each other, and a document is never in two shards.
import { createHash } from "node:crypto";
import type { RawDocument } from "../types.js";
import type { Shard } from "./settings.js";

/** Hex sha256 of the document's text (whitespace-trimmed), the same on every machine. */
export function contentHash(raw: Pick<RawDocument, "text">): string {
  return createHash("sha256").update(raw.text.trim()).digest("hex");
}

export function shardOf(hash: string, count: number): number {
  // 48 bits of the hash keep the modulo unbiased enough for any realistic shard count.
  return (Number.parseInt(hash.slice(0, 12), 16) % count) + 1;
}

export function inShard(raw: Pick<RawDocument, "text">, shard: Shard | null): boolean {
  return shard === null || shardOf(contentHash(raw), shard.count) === shard.index;
}
