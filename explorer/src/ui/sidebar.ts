// The left column: legend and type filter in one (click a type to hide it), relation types, the timeline over
// article dates, sources and the minimum degree. Every control writes the view's filters; counts come back
// from the filtered graph, so they always describe what is drawn.
import { ENTITY_TYPES, type RelationType } from "../../../core/model.js";
import { RELATION_LABELS, TYPE_COLORS, TYPE_LABELS } from "../appearance.js";
import type { App } from "../app.js";
import type { NodeKind } from "../dataset.js";
import type { Filters } from "../filters.js";
import { clear, h } from "./dom.js";

const NODE_KINDS: NodeKind[] = [...ENTITY_TYPES, "Article"];

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function mountSidebar(app: App, el: HTMLElement): void {
  const set = (f: Partial<Filters>) => void app.setView({ filters: { ...app.view.filters, ...f } });

  const render = () => {
    const f = app.view.filters;
    const fl = app.filtered;
    const dates = app.dataset.allDates();
    const sources = app.dataset.allSources();
    const legend = NODE_KINDS.filter((k) => (fl.typeCounts.get(k)?.total ?? 0) > 0 || k !== "Article").map((k) => {
      const c = fl.typeCounts.get(k) ?? { shown: 0, total: 0 };
      const off = f.hiddenTypes.includes(k);
      return h(
        "div",
        {
          class: `row${off ? " off" : ""}`,
          "data-testid": `type-${k}`,
          role: "checkbox",
          "aria-checked": String(!off),
          onclick: () => set({ hiddenTypes: toggle(f.hiddenTypes, k) }),
        },
        h("span", { class: "swatch", style: `background:${TYPE_COLORS[k]}` }),
        h("span", {}, `${TYPE_LABELS[k]} ${k}`),
        h("span", { class: "count" }, off ? `0 / ${c.total}` : `${c.shown} / ${c.total}`),
      );
    });
    const relations = [...fl.relationCounts.entries()]
      .sort((a, b) => b[1].total - a[1].total)
      .map(([t, c]) => {
        const off = f.hiddenRelations.includes(t as RelationType);
        return h(
          "div",
          {
            class: `row${off ? " off" : ""}`,
            "data-testid": `rel-${t}`,
            onclick: () => set({ hiddenRelations: toggle(f.hiddenRelations, t as RelationType) }),
          },
          h("input", { type: "checkbox", checked: !off, tabindex: -1 }),
          h("span", {}, RELATION_LABELS[t] ?? t),
          h("span", { class: "count" }, `${c.shown} / ${c.total}`),
        );
      });
    const idx = (d: string | null, fallback: number) =>
      d
        ? Math.max(
            0,
            dates.findIndex((x) => x >= d),
          )
        : fallback;
    const lo = idx(f.from, 0);
    const hi = f.to
      ? Math.max(0, dates.length - 1 - [...dates].reverse().findIndex((x) => x <= (f.to ?? "")))
      : dates.length - 1;
    const slider = (value: number, testid: string) =>
      h("input", { type: "range", min: 0, max: Math.max(0, dates.length - 1), value, "data-testid": testid });
    const from = slider(lo, "date-from");
    const to = slider(hi, "date-to");
    const onRange = () => {
      const a = Math.min(Number(from.value), Number(to.value));
      const b = Math.max(Number(from.value), Number(to.value));
      set({ from: a > 0 ? (dates[a] ?? null) : null, to: b < dates.length - 1 ? (dates[b] ?? null) : null });
    };
    from.addEventListener("change", onRange);
    to.addEventListener("change", onRange);
    const deg = h("input", { type: "range", min: 0, max: 10, value: f.minDegree, "data-testid": "min-degree" });
    deg.addEventListener("change", () => set({ minDegree: Number(deg.value) }));

    clear(
      el,
      h("h3", {}, "实体类型"),
      ...legend,
      h("h3", {}, "关系类型"),
      ...(relations.length ? relations : [h("div", { class: "muted" }, "—")]),
      h("h3", {}, "时间"),
      dates.length
        ? h(
            "div",
            { class: "timeline" },
            from,
            to,
            h("div", { class: "bounds" }, h("span", {}, dates[lo] ?? ""), h("span", {}, dates[hi] ?? "")),
            h(
              "button",
              {
                class: "play",
                "data-testid": "play",
                title: "按时间播放：实体随其出处日期出现、淡出",
                onclick: () => void (app.playing ? app.stop() : app.play()),
              },
              app.playing ? `■ 停止 ${f.to ?? ""}` : "▶ 播放时间线",
            ),
          )
        : h("div", { class: "muted" }, "无日期"),
      h("h3", {}, "来源"),
      ...sources.map((s) => {
        const off = f.hiddenSources.includes(s);
        return h(
          "div",
          { class: `row${off ? " off" : ""}`, onclick: () => set({ hiddenSources: toggle(f.hiddenSources, s) }) },
          h("input", { type: "checkbox", checked: !off, tabindex: -1 }),
          h("span", {}, s),
          h("span", { class: "count" }, String(fl.sourceCounts.get(s) ?? 0)),
        );
      }),
      h("h3", {}, `最少连接数：${f.minDegree}`),
      deg,
      h(
        "div",
        { class: "summary", "data-testid": "summary" },
        `显示 ${fl.nodes.size} 个节点、${fl.edges.size} 条关系`,
        h("br"),
        `已载入 ${app.dataset.graph.order} / ${app.dataset.graph.size}`,
      ),
    );
  };
  app.addEventListener("changed", render);
}
