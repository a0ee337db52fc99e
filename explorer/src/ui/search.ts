// The search box: Chinese names, aliases, full pinyin and pinyin initials over the loaded nodes (pinyin-pro),
// merged with the service's full-text search over the whole database.
import type { ApiNode } from "../../../core/api.js";
import { TYPE_COLORS, TYPE_LABELS } from "../appearance.js";
import type { App } from "../app.js";
import { clear, h } from "./dom.js";

interface Suggestion {
  id: string;
  name: string;
  matched: string;
  type: ApiNode["type"];
  loaded: boolean;
}

export function mountSearch(app: App, el: HTMLElement): void {
  const input = h("input", {
    type: "search",
    placeholder: "搜索人名、机构、地点… 支持拼音和首字母（如 lxf）",
    "data-testid": "search",
    autocomplete: "off",
  });
  const list = h("ul", { class: "suggestions", hidden: true, "data-testid": "suggestions" });
  el.append(input, list);
  let items: Suggestion[] = [];
  let active = 0;
  let seq = 0;
  let timer: number | undefined;

  const show = () => {
    clear(list);
    list.hidden = items.length === 0;
    items.forEach((s, i) =>
      list.append(
        h(
          "li",
          {
            class: i === active ? "active" : "",
            "data-id": s.id,
            onmousedown: (e: Event) => (e.preventDefault(), void choose(s)),
          },
          h("span", { class: "swatch", style: `background:${TYPE_COLORS[s.type]}` }),
          h("span", {}, s.name),
          s.matched !== s.name ? h("span", { class: "meta" }, `别名 ${s.matched}`) : null,
          h("span", { class: "meta" }, `${TYPE_LABELS[s.type]}${s.loaded ? "" : " · 库中"}`),
        ),
      ),
    );
  };

  const choose = async (s: Suggestion) => {
    list.hidden = true;
    input.value = s.name;
    if (!app.dataset.graph.hasNode(s.id)) await app.expand(s.id);
    app.select(s.id);
    app.focusCamera(s.id);
  };

  const run = async (q: string) => {
    const mine = ++seq;
    if (app.pinyin.size === 0) app.indexForSearch();
    const g = app.dataset.graph;
    const local: Suggestion[] = app.pinyin.search(q, 10).map((hit) => {
      const n = g.getNodeAttribute(hit.id, "node");
      return { id: hit.id, name: n.name, matched: hit.text, type: n.type, loaded: true };
    });
    items = local;
    active = 0;
    show();
    if (app.source.mode !== "live" || /^[a-z0-9\s']+$/i.test(q)) return;
    try {
      const remote = await app.source.search(q, 10);
      if (mine !== seq) return;
      const seen = new Set(items.map((i) => i.id));
      for (const r of remote.results) {
        if (seen.has(r.id)) continue;
        items.push({ id: r.id, name: r.name, matched: r.name, type: r.type, loaded: g.hasNode(r.id) });
      }
      show();
    } catch (error) {
      console.warn("explorer: full-text search failed; showing loaded matches only", error);
    }
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      items = [];
      show();
      return;
    }
    timer = window.setTimeout(() => void run(q), 120);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") active = Math.min(items.length - 1, active + 1);
    else if (e.key === "ArrowUp") active = Math.max(0, active - 1);
    else if (e.key === "Enter") {
      const s = items[active];
      if (s) void choose(s);
    } else if (e.key === "Escape") list.hidden = true;
    else return;
    e.preventDefault();
    show();
  });
  input.addEventListener("blur", () => setTimeout(() => (list.hidden = true), 150));
}
