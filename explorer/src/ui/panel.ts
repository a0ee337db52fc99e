// The node panel: properties, aliases, posts held (one line per post with its span and article count), meetings,
// the articles that mention the node, and every relationship with the sentences it came from, the names marked.
import type { ApiEvidence, ApiNodeDetail } from "../../../core/api.js";
import { RELATION_LABELS, ROLE_LABELS, TYPE_COLORS, TYPE_LABELS } from "../appearance.js";
import type { App } from "../app.js";
import { curationControls } from "./curate.js";
import { clear, h, highlight } from "./dom.js";
import { byRecency, factDetails, factSpan, factSummaryText, isFormer } from "./facts.js";

const PROP_LABELS: Record<string, string> = {
  kind: "类别",
  level: "级别",
  code: "区划代码",
  date: "日期",
  source: "来源",
};

export function mountPanel(app: App, el: HTMLElement): void {
  let shown: string | null = null;
  let pathStart: string | null = null;

  const render = async () => {
    const id = app.view.selected;
    if (id === shown) return;
    shown = id;
    if (!id) {
      el.hidden = true;
      return;
    }
    if (el.hidden) {
      // Open after the double-click window, so a double-click's second press still lands on the graph.
      await new Promise((ok) => setTimeout(ok, 320));
      if (shown !== id) return;
      el.hidden = false;
      app.keepVisible(id, el.offsetWidth);
    }
    clear(el, h("div", { class: "muted" }, "载入中…"));
    let detail: ApiNodeDetail;
    try {
      detail = await app.detail(id);
    } catch (error) {
      clear(el, h("div", { class: "error" }, (error as Error).message));
      return;
    }
    if (shown !== id) return;
    draw(detail);
  };

  const names = (n: { name: string; aliases: string[] }) => [n.name, ...n.aliases];

  const evidenceList = (evidence: ApiEvidence[], marks: string[]) =>
    evidence.map((ev) =>
      h(
        "blockquote",
        { class: "evidence", "data-testid": "evidence" },
        highlight(ev.sentence, marks),
        h("span", { class: "src" }, [ev.articleTitle, ev.source, ev.date].filter(Boolean).join(" · ")),
      ),
    );

  const draw = (d: ApiNodeDetail) => {
    const n = d.node;
    const props = Object.entries(PROP_LABELS)
      .map(([k, label]) => [label, (n as unknown as Record<string, unknown>)[k]] as const)
      .filter(([, v]) => v !== undefined && v !== null && v !== "");
    const posts = d.relations.filter((r) => r.type === "HOLDS_POSITION");
    const meetings = d.relations.filter((r) => r.type === "PARTICIPATED_IN");
    const other = (r: ApiNodeDetail["relations"][number]) =>
      h("a", { onclick: () => void focusNode(r.other.id) }, r.other.name);

    clear(
      el,
      h(
        "div",
        { class: "head" },
        h("div", {}, h("h2", { "data-testid": "panel-title" }, n.name)),
        h("span", { class: "badge", style: `background:${TYPE_COLORS[n.type]}` }, TYPE_LABELS[n.type]),
        h("button", { class: "close", title: "关闭", onclick: () => app.select(null) }, "×"),
      ),
      h("div", { class: "id" }, n.id),
      h(
        "div",
        { class: "actions" },
        h("button", { onclick: () => void app.expand(n.id), title: "双击节点也可展开" }, "展开邻居"),
        h("button", { onclick: () => void app.collapse(n.id) }, "收起"),
        h(
          "button",
          {
            onclick: () => {
              if (!pathStart || pathStart === n.id) {
                pathStart = n.id;
                app.notify(`路径起点：${n.name}。选另一个节点，再点“到这里的路径”`);
              } else void app.findPath(pathStart, n.id);
            },
          },
          pathStart && pathStart !== n.id ? `从 ${app.label(pathStart)} 到这里的路径` : "设为路径起点",
        ),
      ),
      curationControls(app, n, () => {
        shown = null;
        void render();
      }),
      props.length || n.aliases.length
        ? h(
            "dl",
            {},
            ...props.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]),
            n.aliases.length ? h("dt", {}, "别名") : null,
            n.aliases.length ? h("dd", {}, n.aliases.join("、")) : null,
          )
        : null,
      posts.length ? h("h4", {}, `任职（${posts.length}）`) : null,
      posts.length
        ? h(
            "ul",
            { class: "list" },
            // One line per post (person, organization, title): the span it was reported over and by how many articles.
            ...[...posts]
              .sort(byRecency)
              .map((r) =>
                h(
                  "li",
                  { "data-testid": "post" },
                  other(r),
                  String(r.properties.title ?? ""),
                  isFormer(r) ? h("span", { class: "muted" }, "原任") : null,
                  h("span", { class: "date" }, factSummaryText(r)),
                ),
              ),
          )
        : null,
      meetings.length ? h("h4", {}, `会议（${meetings.length}）`) : null,
      meetings.length
        ? h(
            "ul",
            { class: "list" },
            ...meetings.map((r) =>
              h(
                "li",
                {},
                other(r),
                ROLE_LABELS[String(r.properties.role)] ?? String(r.properties.role ?? ""),
                h("span", { class: "date" }, String(r.other.date ?? factSpan(r).first ?? "")),
              ),
            ),
          )
        : null,
      h("h4", {}, `关系与出处（${d.relations.length}）`),
      ...d.relations.map((r) =>
        h(
          "div",
          { class: "rel", "data-testid": "relation" },
          h(
            "div",
            { class: "line" },
            h("span", { class: "type" }, RELATION_LABELS[r.type] ?? r.type),
            r.direction === "out" ? "→" : "←",
            other(r),
            h(
              "span",
              { class: "muted" },
              [...factDetails(r), r.type === "MENTIONS" ? "" : factSummaryText(r)].filter(Boolean).join(" · "),
            ),
          ),
          ...evidenceList(r.evidence, [...names(n), ...names(r.other)]),
        ),
      ),
      d.articles.length ? h("h4", {}, `提及它的文章（${d.articles.length}）`) : null,
      d.articles.length
        ? h(
            "ul",
            { class: "list" },
            ...d.articles.map((a) =>
              h(
                "li",
                {},
                h("span", {}, a.title),
                h("span", { class: "date" }, [a.source, a.date].filter(Boolean).join(" · ")),
              ),
            ),
          )
        : null,
    );
  };

  const focusNode = async (id: string) => {
    if (!app.dataset.graph.hasNode(id)) await app.expand(app.view.selected ?? id);
    app.select(id);
    app.focusCamera(id);
  };

  app.addEventListener("changed", () => void render());
}
