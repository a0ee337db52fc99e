// The Cypher console: a query with JSON parameters, run read-only through the service; results show as a table
// here and as the graph on the canvas. History (kept in localStorage) and the named queries of cypher/queries.
import type { ApiNamedQuery, ApiQueryResult } from "../../../core/api.js";
import type { PropertyValue } from "../../../core/model.js";
import type { App } from "../app.js";
import { clear, h } from "./dom.js";

const HISTORY_KEY = "jianwen.cypher.history";

const HIDDEN_REL_KEYS = new Set(["sentence", "sentences", "article", "key"]);

/** Nodes and relationships read as Neo4j Browser shows them: (孙丽华:Person), [:PARTICIPATED_IN {role: chaired}]. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return `[${v.map(cell).join(", ")}]`;
  if (typeof v === "object") {
    const o = v as { labels?: string[]; type?: string; start?: unknown; properties?: Record<string, unknown> };
    const props = o.properties ?? {};
    if (Array.isArray(o.labels))
      return `(${String(props.name ?? props.title ?? props.id ?? "")}:${o.labels.join(":")})`;
    if (typeof o.type === "string" && "start" in o) {
      // A fact's evidence lists and article ids are long; the panel shows them, the table cell does not.
      const shown = Object.entries(props).filter(([k, x]) => !HIDDEN_REL_KEYS.has(k) && !Array.isArray(x));
      return `[:${o.type}${shown.length ? ` {${shown.map(([k, x]) => `${k}: ${String(x)}`).join(", ")}}` : ""}]`;
    }
    return JSON.stringify(v);
  }
  return String(v);
}

export function mountConsole(app: App, el: HTMLElement): void {
  const editor = h("textarea", {
    "data-testid": "cypher",
    spellcheck: "false",
    placeholder: "MATCH (p:Person)-[r:PARTICIPATED_IN]->(m:Meeting) RETURN p, r, m LIMIT 50",
  });
  const params = h("textarea", {
    class: "params",
    "data-testid": "cypher-params",
    placeholder: '参数（JSON），如 {"name": "陈静怡"}',
  });
  const results = h("div", { class: "results", "data-testid": "results" });
  const historySel = h("select", { title: "历史" });
  const namedSel = h("select", { title: "常用查询", "data-testid": "named-queries" });
  const run = h("button", { class: "primary", "data-testid": "run-cypher" }, "运行 ⌘↵");
  let named: ApiNamedQuery[] = [];

  const history = (): string[] => {
    try {
      return JSON.parse(localStorage.getItem(HISTORY_KEY) ?? "[]") as string[];
    } catch {
      return [];
    }
  };
  const renderHistory = () => {
    clear(
      historySel,
      h("option", { value: "" }, "历史…"),
      ...history().map((q, i) => h("option", { value: String(i) }, q.slice(0, 60))),
    );
  };
  historySel.addEventListener("change", () => {
    const q = history()[Number(historySel.value)];
    if (q) editor.value = q;
    historySel.value = "";
  });
  namedSel.addEventListener("change", () => {
    const q = named.find((n) => n.name === namedSel.value);
    if (q) {
      editor.value = q.cypher;
      params.value = Object.keys(q.params).length ? JSON.stringify(q.params) : "";
    }
    namedSel.value = "";
  });

  const showTable = (r: ApiQueryResult) => {
    clear(
      results,
      h(
        "div",
        { class: "meta" },
        `${r.rows.length} 行${r.truncated ? "（已截断）" : ""} · ${r.graph.nodes.length} 个节点、${r.graph.edges.length} 条关系画在图上 · ${r.elapsedMs} ms`,
      ),
      h(
        "table",
        { "data-testid": "results-table" },
        h("thead", {}, h("tr", {}, ...r.columns.map((c) => h("th", {}, c)))),
        h("tbody", {}, ...r.rows.map((row) => h("tr", {}, ...row.map((v) => h("td", { title: cell(v) }, cell(v)))))),
      ),
    );
  };

  const execute = async () => {
    const cypher = editor.value.trim();
    if (!cypher) return;
    let p: Record<string, PropertyValue> = {};
    if (params.value.trim()) {
      try {
        p = JSON.parse(params.value) as Record<string, PropertyValue>;
      } catch {
        clear(
          results,
          h("div", { class: "error", "data-testid": "query-error" }, '参数不是合法的 JSON，例如 {"name": "陈静怡"}'),
        );
        return;
      }
    }
    run.disabled = true;
    clear(results, h("div", { class: "meta" }, "运行中…"));
    try {
      const r = await app.runQuery(cypher, p);
      localStorage.setItem(
        HISTORY_KEY,
        JSON.stringify([cypher, ...history().filter((q) => q !== cypher)].slice(0, 30)),
      );
      renderHistory();
      showTable(r);
    } catch (error) {
      clear(results, h("div", { class: "error", "data-testid": "query-error" }, (error as Error).message));
    } finally {
      run.disabled = false;
    }
  };
  run.addEventListener("click", () => void execute());
  editor.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void execute();
    }
  });

  el.append(
    h("div", { class: "editor" }, editor, params, h("div", { class: "bar" }, run, historySel, namedSel)),
    results,
  );
  renderHistory();
  if (app.view.query) {
    editor.value = app.view.query.cypher;
    if (Object.keys(app.view.query.params).length) params.value = JSON.stringify(app.view.query.params);
    el.hidden = false;
    if (app.lastQuery) showTable(app.lastQuery);
  }
  if (app.source.mode === "static") {
    run.disabled = true;
    clear(results, h("div", { class: "meta" }, "静态导出不含数据库，Cypher 需要 `jianwen serve`。"));
  }
  void app.source.namedQueries().then(
    (qs) => {
      named = qs;
      clear(
        namedSel,
        h("option", { value: "" }, qs.length ? "常用查询…" : "无常用查询"),
        ...qs.map((q) => h("option", { value: q.name, title: q.description }, q.name)),
      );
    },
    (error: Error) => console.warn("explorer: could not load the named queries", error),
  );
}
