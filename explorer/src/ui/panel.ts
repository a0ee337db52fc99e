// The node panel: properties, aliases, posts held (one line per post with its span and article count), meetings,
// the articles that mention the node, and every relationship with the sentences it came from, the names marked.
import type { ApiEntityPage, ApiEvidence, ApiNode, ApiNodeDetail } from "../../../core/api.js";
import { RELATION_LABELS, ROLE_LABELS, TYPE_COLORS, TYPE_LABELS } from "../appearance.js";
import type { App } from "../app.js";
import { curationControls } from "./curate.js";
import { clear, h, highlight } from "./dom.js";
import { renderEntityPage } from "./entity-page.js";
import { byRecency, factDetails, factSpan, factSummaryText, isFormer } from "./facts.js";

const PROP_LABELS: Record<string, string> = {
  kind: "类别",
  level: "级别",
  code: "区划代码",
  date: "日期",
  source: "来源",
};

const LEVEL_LABELS: Record<string, string> = {
  country: "国家",
  province: "省级",
  city: "地级",
  county: "县级",
  town: "乡镇",
  village: "村",
  other: "其他",
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
    // Entities get their page (posts, roster, meetings, attendees …); an article its mentions with evidence.
    const isArticle = app.dataset.graph.hasNode(id)
      ? app.dataset.graph.getNodeAttribute(id, "node").type === "Article"
      : id.startsWith("article:");
    try {
      if (isArticle) {
        const detail = await app.detail(id);
        if (shown === id) draw(detail);
      } else {
        const page = await app.entityPage(id);
        if (shown === id) drawPage(page);
      }
    } catch (error) {
      if (shown === id) clear(el, h("div", { class: "error" }, (error as Error).message));
    }
  };

  const head = (n: ApiNode) => [
    h(
      "div",
      { class: "head" },
      h("div", {}, h("h2", { "data-testid": "panel-title" }, n.name)),
      h("span", { class: "badge", style: `background:${TYPE_COLORS[n.type]}` }, TYPE_LABELS[n.type]),
      h("button", { class: "close", title: "关闭", onclick: () => app.select(null) }, "×"),
    ),
    h(
      "div",
      { class: "id" },
      h("a", { class: "link", href: `#/entity/${encodeURIComponent(n.id)}`, title: "本页链接" }, n.id),
    ),
  ];

  const actions = (n: ApiNode) => {
    const folded = app.filtered?.folded.get(n.id) ?? 0;
    const opened = app.view.opened.includes(n.id);
    return h(
      "div",
      { class: "actions" },
      h("button", { onclick: () => void app.expand(n.id), title: "双击节点也可展开" }, "展开邻居"),
      h("button", { onclick: () => void app.collapse(n.id) }, "收起"),
      folded > 0 || opened
        ? h(
            "button",
            { "data-testid": "toggle-province", onclick: () => void app.toggleProvince(n.id) },
            opened ? "折叠下辖地点" : `展开下辖地点（${folded}）`,
          )
        : null,
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
    );
  };

  const properties = (n: ApiNode) => {
    const props = Object.entries(PROP_LABELS)
      .map(([k, label]) => [label, (n as unknown as Record<string, unknown>)[k]] as const)
      .filter(([, v]) => v !== undefined && v !== null && v !== "");
    return props.length || n.aliases.length
      ? h(
          "dl",
          {},
          ...props.flatMap(([k, v]) => [
            h("dt", {}, k),
            h("dd", {}, k === PROP_LABELS.level ? (LEVEL_LABELS[String(v)] ?? String(v)) : String(v)),
          ]),
          n.aliases.length ? h("dt", {}, "别名") : null,
          n.aliases.length ? h("dd", {}, n.aliases.join("、")) : null,
        )
      : null;
  };

  // Correction buttons (reject, merge, rename) when the service allows curation; a correction redraws the panel.
  const curation = (n: Parameters<typeof curationControls>[1]) =>
    curationControls(app, n, () => {
      shown = null;
      void render();
    });

  const drawPage = (page: ApiEntityPage) => {
    const n = page.node;
    clear(
      el,
      ...head(n),
      actions(n),
      curation(n),
      properties(n),
      h(
        "div",
        { class: "entity-page", "data-testid": "entity-page", "data-type": n.type },
        ...renderEntityPage(page, { open: (id) => void app.open(id) }),
      ),
    );
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
    const posts = d.relations.filter((r) => r.type === "HOLDS_POSITION");
    const meetings = d.relations.filter((r) => r.type === "PARTICIPATED_IN");
    const other = (r: ApiNodeDetail["relations"][number]) =>
      h("a", { onclick: () => void focusNode(r.other.id) }, r.other.name);

    clear(
      el,
      ...head(n),
      actions(n),
      curation(n),
      properties(n),
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
