// Finds loaded nodes by Chinese name, alias, full pinyin (linxiaofeng) or pinyin initials (lxf). Built lazily
// over the loaded nodes with pinyin-pro, after the first frame, so it never delays drawing.
import { match, pinyin } from "pinyin-pro";
import type { ApiNode } from "../../core/api.js";

interface Entry {
  id: string;
  text: string;
  full: string;
  initials: string;
}

export interface Hit {
  id: string;
  /** The name or alias that matched. */
  text: string;
  score: number;
}

const ASCII = /^[a-z0-9\s']+$/i;

export class PinyinIndex {
  private entries: Entry[] = [];
  private indexed = new Set<string>();

  add(nodes: Iterable<ApiNode>): void {
    for (const n of nodes) {
      if (this.indexed.has(n.id)) continue;
      this.indexed.add(n.id);
      for (const text of new Set([n.name, ...n.aliases])) {
        if (!text) continue;
        const syllables = pinyin(text, { toneType: "none", type: "array", v: true });
        this.entries.push({
          id: n.id,
          text,
          full: syllables.join("").toLowerCase(),
          initials: syllables
            .map((s) => s[0] ?? "")
            .join("")
            .toLowerCase(),
        });
      }
    }
  }

  get size(): number {
    return this.indexed.size;
  }

  search(query: string, limit = 12): Hit[] {
    const q = query.trim().toLowerCase().replace(/\s+/g, "");
    if (!q) return [];
    const best = new Map<string, Hit>();
    const keep = (id: string, text: string, score: number) => {
      const old = best.get(id);
      if (!old || old.score < score) best.set(id, { id, text, score });
    };
    const ascii = ASCII.test(q);
    for (const e of this.entries) {
      if (!ascii) {
        const t = e.text.toLowerCase();
        if (t === q) keep(e.id, e.text, 100);
        else if (t.startsWith(q)) keep(e.id, e.text, 80);
        else if (t.includes(q)) keep(e.id, e.text, 60);
        continue;
      }
      if (e.initials === q || e.full === q) keep(e.id, e.text, 90);
      else if (e.full.startsWith(q)) keep(e.id, e.text, 75);
      else if (e.initials.startsWith(q)) keep(e.id, e.text, 70);
      else if (e.full.includes(q)) keep(e.id, e.text, 50);
      else if (e.initials.includes(q)) keep(e.id, e.text, 45);
    }
    // Mixed abbreviations (linxf, lxfeng) and polyphones (长 = chang/zhang): pinyin-pro's matcher on short lists.
    if (ascii && best.size < limit && this.entries.length <= 20000) {
      for (const e of this.entries) {
        if (best.has(e.id)) continue;
        if (match(e.text, q, { precision: "start", continuous: true, insensitive: true })) keep(e.id, e.text, 40);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.text.length - b.text.length).slice(0, limit);
  }
}
