// Corrections from the node panel: "不是人物/错误" (reject), "同一实体…" (merge with a node found by search) and
// "改名" (rename). Shown only when the service says curation is on (`jianwen serve --curate` with a token);
// each records a decision in the curation file through POST /api/curation, which also applies it to Neo4j, and
// the drawn graph follows.
import { API_ROUTES, type ApiNode } from "../../../core/api.js";
import { TYPE_LABELS } from "../appearance.js";
import type { App } from "../app.js";
import { clear, h } from "./dom.js";

let status: Promise<boolean> | null = null;

/** Whether the service takes corrections; asked once. A static export never does. */
function curationEnabled(app: App): Promise<boolean> {
  if (app.source.mode !== "live") return Promise.resolve(false);
  status ??= fetch(API_ROUTES.curation)
    .then(async (res) => (res.ok ? ((await res.json()) as { enabled?: boolean }).enabled === true : false))
    .catch(() => false);
  return status;
}

interface CurationAnswer {
  decision: { id: string };
  report: { results: Array<{ id: string; outcome: string; message: string }> };
}

async function post(body: Record<string, string>): Promise<CurationAnswer> {
  const res = await fetch(API_ROUTES.curation, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => ({}))) as Partial<CurationAnswer> & { error?: string };
  if (!res.ok) throw new Error(answer.error ?? `the service answered ${res.status}`);
  const mine = answer.report?.results.find((r) => r.id === answer.decision?.id);
  if (mine?.outcome === "failed") throw new Error(mine.message);
  return answer as CurationAnswer;
}

/**
 * The curation row of the panel for node `n`: empty until the service says curation is on. `redraw` draws the
 * panel again (after a rename).
 */
export function curationControls(app: App, n: ApiNode, redraw: () => void): HTMLElement {
  const box = h("div", { class: "curate", "data-testid": "curate-slot" });
  if (n.type === "Article") return box;
  const form = h("div", { class: "curate-form" });
  const note = () => h("input", { type: "text", placeholder: "理由（可选）", "data-testid": "curate-note" });

  const done = (message: string) => app.notify(message);
  const failed = (error: unknown) => app.notify(`更正失败：${(error as Error).message}`, "error");

  const reject = () => {
    const why = note();
    clear(
      form,
      h("div", {}, `将 ${n.name} 标为错误并从图中移除？`),
      why,
      h(
        "button",
        {
          "data-testid": "curate-confirm",
          onclick: async () => {
            try {
              await post({ action: "reject", node: n.id, ...(why.value ? { note: why.value } : {}) });
              app.dataset.remove({ nodes: [n.id], edges: [] });
              app.select(null);
              await app.refresh();
              done(`已移除 ${n.name}（记入更正文件）`);
            } catch (error) {
              failed(error);
            }
          },
        },
        "确认移除",
      ),
    );
  };

  const merge = () => {
    const input = h("input", {
      type: "search",
      placeholder: `搜索与 ${n.name} 相同的${TYPE_LABELS[n.type]}`,
      "data-testid": "curate-merge-search",
      autocomplete: "off",
    });
    const results = h("ul", { class: "list", "data-testid": "curate-merge-results" });
    const why = note();
    let seq = 0;
    input.addEventListener("input", () => {
      const mine = ++seq;
      const q = input.value.trim();
      if (!q) return clear(results);
      void app.source.search(q, 10).then(
        (found) => {
          if (mine !== seq) return;
          const same = found.results.filter((r) => r.type === n.type && r.id !== n.id);
          clear(
            results,
            ...(same.length
              ? same.map((r) =>
                  h(
                    "li",
                    {},
                    h(
                      "a",
                      {
                        "data-id": r.id,
                        onclick: async () => {
                          try {
                            await post({
                              action: "merge",
                              node: n.id,
                              into: r.id,
                              ...(why.value ? { note: why.value } : {}),
                            });
                            app.dataset.remove({ nodes: [n.id], edges: [] });
                            app.dataset.merge(await app.source.neighbours(r.id, 25), r.id);
                            app.select(r.id);
                            await app.refresh();
                            done(`已将 ${n.name} 并入 ${r.name}（记入更正文件）`);
                          } catch (error) {
                            failed(error);
                          }
                        },
                      },
                      `并入 ${r.name}`,
                    ),
                    h("span", { class: "muted" }, r.id),
                  ),
                )
              : [h("li", { class: "muted" }, "没有同类的实体")]),
          );
        },
        (error: unknown) => failed(error),
      );
    });
    clear(form, h("div", {}, `${n.name} 与哪个实体相同？其关系、出处和别名都将并入对方。`), input, why, results);
    input.focus();
  };

  const rename = () => {
    const input = h("input", { type: "text", value: n.name, "data-testid": "curate-rename-input" });
    const why = note();
    clear(
      form,
      h("div", {}, "新名称（旧名保留为别名）："),
      input,
      why,
      h(
        "button",
        {
          "data-testid": "curate-confirm",
          onclick: async () => {
            const to = input.value.trim();
            if (!to || to === n.name) return;
            try {
              await post({ action: "rename", node: n.id, to, ...(why.value ? { note: why.value } : {}) });
              const g = app.dataset.graph;
              if (g.hasNode(n.id))
                g.updateNodeAttribute(n.id, "node", (old) => ({
                  ...(old ?? n),
                  name: to,
                  aliases: [...(old?.aliases ?? []), n.name],
                }));
              await app.refresh();
              redraw();
              done(`已将 ${n.name} 改名为 ${to}（记入更正文件）`);
            } catch (error) {
              failed(error);
            }
          },
        },
        "确认改名",
      ),
    );
    input.focus();
  };

  void curationEnabled(app).then((on) => {
    if (!on) return;
    clear(
      box,
      h("h4", {}, "更正"),
      h(
        "div",
        { class: "actions" },
        h("button", { onclick: reject, "data-testid": "curate-reject" }, `不是${TYPE_LABELS[n.type]}/错误`),
        h("button", { onclick: merge, "data-testid": "curate-merge" }, "同一实体…"),
        h("button", { onclick: rename, "data-testid": "curate-rename" }, "改名"),
      ),
      form,
    );
  });
  return box;
}
