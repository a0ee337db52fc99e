// Exports of what is drawn: PNG of the view (sigma's WebGL canvas on white), and GEXF, GraphML or CSV of the
// current subgraph. Attributes are flattened to strings and numbers so other tools (Gephi, yEd, spreadsheets)
// read them; each edge is one fact with its span (firstSeen, lastSeen), article count and the evidence it was
// first reported with: sentence, article id, article title, source and date.
import { write as writeGexf } from "graphology-gexf/browser/index.js";
import { MultiDirectedGraph } from "graphology";
import type { App } from "./app.js";
import { edgeEnds } from "./filters.js";
import { firstEvidence } from "./ui/facts.js";

/** The current subgraph with flat attributes and the drawn positions, colours and sizes. */
export function exportGraph(app: App): MultiDirectedGraph {
  const out = new MultiDirectedGraph();
  const d = app.dataset.graph;
  for (const n of app.filtered.nodes) {
    const a = d.getNodeAttributes(n);
    const drawn = app.drawn.hasNode(n) ? app.drawn.getNodeAttributes(n) : null;
    out.addNode(n, {
      label: a.node.name,
      type: a.node.type,
      aliases: a.node.aliases.join("|"),
      ...(a.node.kind ? { kind: a.node.kind } : {}),
      ...(a.node.level ? { level: a.node.level } : {}),
      ...(a.node.code ? { code: a.node.code } : {}),
      ...(a.node.date ? { date: a.node.date } : {}),
      x: drawn?.x ?? a.x,
      y: drawn?.y ?? a.y,
      size: drawn?.size ?? 4,
      color: drawn?.color ?? "#999999",
    });
  }
  for (const e of app.filtered.edges) {
    const a = d.getEdgeAttribute(e, "edge");
    const ev = firstEvidence(a.evidence);
    const dates = a.evidence
      .map((x) => x.date ?? "")
      .filter(Boolean)
      .sort();
    const [s, t] = edgeEnds(d, app.filtered, e);
    // A place folded into its province: the edge is drawn (and exported) to the province; `via` names the place.
    const via = [d.source(e), d.target(e)].filter((x) => x !== s && x !== t).join("|");
    out.addDirectedEdgeWithKey(e, s, t, {
      type: a.type,
      firstSeen: dates[0] ?? "",
      lastSeen: dates[dates.length - 1] ?? "",
      ...Object.fromEntries(Object.entries(a.properties).map(([k, v]) => [k, v ?? ""])),
      sentence: ev?.sentence ?? "",
      article: ev?.article ?? "",
      articleTitle: ev?.articleTitle ?? "",
      source: ev?.source ?? "",
      date: ev?.date ?? "",
      ...(via ? { via } : {}),
      // The fact's full counts when the service gives them; the sentences at hand otherwise.
      evidenceCount: typeof a.properties.evidenceCount === "number" ? a.properties.evidenceCount : a.evidence.length,
    });
  }
  return out;
}

export function toGexf(app: App): string {
  return writeGexf(exportGraph(app), { pretty: true, version: "1.3" });
}

const xml = (s: unknown) =>
  String(s).replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export function toGraphML(app: App): string {
  const g = exportGraph(app);
  const keys = new Map<string, { for: "node" | "edge"; type: string }>();
  const collect = (scope: "node" | "edge", attrs: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(attrs)) {
      const id = `${scope}_${k}`;
      if (!keys.has(id)) keys.set(id, { for: scope, type: typeof v === "number" ? "double" : "string" });
    }
  };
  g.forEachNode((_n, a) => collect("node", a));
  g.forEachEdge((_e, a) => collect("edge", a));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys].map(
      ([id, k]) =>
        `  <key id="${xml(id)}" for="${k.for}" attr.name="${xml(id.slice(k.for.length + 1))}" attr.type="${k.type}"/>`,
    ),
    '  <graph id="jianwen" edgedefault="directed">',
  ];
  g.forEachNode((n, a) => {
    lines.push(`    <node id="${xml(n)}">`);
    for (const [k, v] of Object.entries(a)) lines.push(`      <data key="node_${xml(k)}">${xml(v)}</data>`);
    lines.push("    </node>");
  });
  g.forEachEdge((e, a, s, t) => {
    lines.push(`    <edge id="${xml(e)}" source="${xml(s)}" target="${xml(t)}">`);
    for (const [k, v] of Object.entries(a)) lines.push(`      <data key="edge_${xml(k)}">${xml(v)}</data>`);
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n");
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Two tables in one download: nodes, then a blank line, then edges (spreadsheets open either part). */
export function toCsv(app: App): { nodes: string; edges: string } {
  const g = exportGraph(app);
  const nodeCols = ["id", "label", "type", "aliases", "kind", "level", "code", "date"];
  const edgeCols = [
    ...["id", "source", "target", "type", "title", "role", "former", "firstSeen", "lastSeen", "articles"],
    ...["evidenceCount", "sentence", "article", "articleTitle", "source", "date", "via"],
  ];
  const nodes = [nodeCols.join(",")];
  g.forEachNode((n, a) => nodes.push([n, ...nodeCols.slice(1).map((c) => a[c])].map(csvCell).join(",")));
  const edges = [edgeCols.join(",")];
  g.forEachEdge((e, a, s, t) => edges.push([e, s, t, ...edgeCols.slice(3).map((c) => a[c])].map(csvCell).join(",")));
  // A BOM so spreadsheet programs read the Chinese as UTF-8.
  return { nodes: `\ufeff${nodes.join("\n")}\n`, edges: `\ufeff${edges.join("\n")}\n` };
}

/** Renders a frame and copies sigma's canvas in the same task (its drawing buffer is not preserved). */
export async function toPng(app: App): Promise<Blob> {
  const r = app.renderer;
  r.refresh({ partialGraph: {}, skipIndexation: true });
  const stage = r.getStageCanvas();
  const out = document.createElement("canvas");
  out.width = stage.width;
  out.height = stage.height;
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("explorer: this browser cannot create a 2D canvas for the PNG export");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(stage, 0, 0);
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error("explorer: the PNG export produced no image"))), "image/png"),
  );
}
