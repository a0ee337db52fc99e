// The toolbar: layout start/stop, colour and size modes, undo, the Cypher console, exports and the view's link.
import type { App } from "../app.js";
import { toCsv, toGexf, toGraphML, toPng } from "../exporters.js";
import { clear, download, h } from "./dom.js";

export function mountToolbar(app: App, el: HTMLElement, consoleEl: HTMLElement): void {
  const stamp = () => new Date().toISOString().slice(0, 10);
  const exportMenu = h("div", { class: "menu" });
  const items = h(
    "div",
    { class: "items" },
    h(
      "button",
      {
        "data-testid": "export-png",
        onclick: () => void toPng(app).then((b) => download(`jianwen-${stamp()}.png`, b)),
      },
      "PNG 图片",
    ),
    h(
      "button",
      {
        "data-testid": "export-gexf",
        onclick: () => download(`jianwen-${stamp()}.gexf`, toGexf(app), "application/xml"),
      },
      "GEXF（Gephi）",
    ),
    h(
      "button",
      {
        "data-testid": "export-graphml",
        onclick: () => download(`jianwen-${stamp()}.graphml`, toGraphML(app), "application/xml"),
      },
      "GraphML",
    ),
    h(
      "button",
      {
        "data-testid": "export-csv",
        onclick: () => {
          const csv = toCsv(app);
          download(`jianwen-${stamp()}-nodes.csv`, csv.nodes, "text/csv;charset=utf-8");
          download(`jianwen-${stamp()}-edges.csv`, csv.edges, "text/csv;charset=utf-8");
        },
      },
      "CSV（节点 + 关系）",
    ),
  );
  exportMenu.append(h("button", { onclick: () => exportMenu.classList.toggle("open") }, "导出 ▾"), items);
  items.addEventListener("click", () => exportMenu.classList.remove("open"));

  const render = () => {
    const v = app.view;
    clear(
      el,
      h(
        "div",
        { class: "group" },
        h(
          "button",
          {
            "data-testid": "layout",
            class: app.layoutRunning ? "active" : "",
            onclick: () => (app.layoutRunning ? app.stopLayout() : void app.startLayout()),
          },
          app.layoutRunning ? "■ 停止布局" : "▶ ForceAtlas2",
        ),
      ),
      h(
        "div",
        { class: "group" },
        h("label", {}, "颜色"),
        h(
          "button",
          { class: v.colorBy === "type" ? "active" : "", onclick: () => void app.setView({ colorBy: "type" }) },
          "类型",
        ),
        h(
          "button",
          {
            "data-testid": "color-community",
            class: v.colorBy === "community" ? "active" : "",
            onclick: () => void app.setView({ colorBy: "community" }),
          },
          "社区",
        ),
        h("label", {}, "大小"),
        h(
          "button",
          { class: v.sizeBy === "degree" ? "active" : "", onclick: () => void app.setView({ sizeBy: "degree" }) },
          "连接数",
        ),
        h(
          "button",
          { class: v.sizeBy === "pagerank" ? "active" : "", onclick: () => void app.setView({ sizeBy: "pagerank" }) },
          "PageRank",
        ),
      ),
      h(
        "div",
        { class: "group" },
        h(
          "button",
          { "data-testid": "undo", disabled: app.history.length === 0, onclick: () => void app.undo() },
          "↶ 撤销",
        ),
        app.emphasis ? h("button", { onclick: () => app.clearEmphasis() }, "清除路径") : null,
        h(
          "button",
          {
            "data-testid": "toggle-console",
            class: consoleEl.hidden ? "" : "active",
            onclick: () => {
              consoleEl.hidden = !consoleEl.hidden;
              render();
            },
          },
          "Cypher",
        ),
        exportMenu,
        h(
          "button",
          {
            title: "复制本视图的链接",
            onclick: () =>
              void navigator.clipboard?.writeText(location.href).then(
                () => app.notify("已复制链接：打开它即回到此视图"),
                () => app.notify(location.href),
              ),
          },
          "复制链接",
        ),
      ),
    );
  };
  app.addEventListener("changed", render);
}
