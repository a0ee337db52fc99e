// Entry point: picks the data source (service or baked static bundle), starts the app, mounts the panels and
// exposes a small handle for the browser tests and the benchmark.
import "./styles.css";
import { App } from "./app.js";
import { detectSource } from "./source.js";
import { mountConsole } from "./ui/console.js";
import { mountPanel } from "./ui/panel.js";
import { mountSearch } from "./ui/search.js";
import { mountSidebar } from "./ui/sidebar.js";
import { mountToolbar } from "./ui/toolbar.js";

declare global {
  interface Window {
    __jianwen?: App;
    __jianwenReady?: Promise<void>;
  }
}

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`explorer: index.html lacks #${id}`);
  return el;
};

async function boot(): Promise<void> {
  const source = detectSource();
  const app = new App(source);
  window.__jianwen = app;
  byId("mode").textContent = source.mode === "static" ? `静态 · ${source.title}` : "Neo4j";

  const toast = byId("toast");
  let toastTimer: number | undefined;
  app.addEventListener("message", (e) => {
    const { message, kind } = (e as CustomEvent<{ message: string; kind: string }>).detail;
    toast.textContent = message;
    toast.className = `show ${kind}`;
    toast.dataset.testid = "toast";
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => (toast.className = ""), 5000);
  });

  mountSidebar(app, byId("sidebar"));
  mountPanel(app, byId("panel"));
  mountToolbar(app, byId("toolbar"), byId("console"));
  mountSearch(app, byId("search"));
  app.addEventListener("changed", () => {
    byId("stats").textContent = `${app.drawn.order} 节点 · ${app.drawn.size} 关系`;
  });

  await app.start(byId("graph"));
  mountConsole(app, byId("console"));
  // Sigma watches the window, not its container: the console opening or closing resizes the graph area too.
  const graphEl = byId("graph");
  new ResizeObserver(() => {
    const { width, height } = app.renderer.getDimensions();
    if (graphEl.offsetWidth === width && graphEl.offsetHeight === height) return;
    app.renderer.resize();
    app.renderer.refresh();
  }).observe(graphEl);
  // The pinyin index waits until the first frame is on screen.
  const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
  idle(() => app.indexForSearch());
}

window.__jianwenReady = boot().catch((error: Error) => {
  console.error(error);
  const el = document.getElementById("toast");
  if (el) {
    el.textContent = `无法载入图谱：${error.message}`;
    el.className = "show error";
  }
  throw error;
});
