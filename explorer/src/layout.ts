// ForceAtlas2 for the explorer: a short synchronous settle for small pictures, and the web-worker layout for
// the rest. The worker runs on a copy of the drawn graph and positions are copied back at most every
// max(0.5 s, twice the last frame's cost), so slow frames (big graphs, software WebGL) do not hold the
// worker to one iteration per frame, and the picture still moves while it converges.
import { UndirectedGraph, type MultiDirectedGraph } from "graphology";
import { cjsDefault } from "./cjs.js";
import type { DrawnGraph, Renderer } from "./view.js";

/** 150 iterations on the main thread: only for small graphs (the caller checks), where it takes milliseconds. */
export async function settle(graph: DrawnGraph): Promise<void> {
  const forceAtlas2 = cjsDefault((await import("graphology-layout-forceatlas2")).default);
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations: 150, settings: { ...settings, gravity: 1, scalingRatio: 8 } });
}

export class WorkerLayout {
  /** Iterations run since the last start (the benchmark reads it). */
  iterations = 0;
  private handle: { running(): boolean; kill(): void } | null = null;

  constructor(
    private readonly drawn: DrawnGraph,
    private readonly renderer: () => Renderer,
  ) {}

  get running(): boolean {
    return this.handle?.running() ?? false;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const [workerModule, fa2Module] = await Promise.all([
      import("graphology-layout-forceatlas2/worker.js"),
      import("graphology-layout-forceatlas2"),
    ]);
    const Supervisor = cjsDefault(workerModule.default);
    const forceAtlas2 = cjsDefault(fa2Module.default);
    const work = this.drawn.copy();
    let lastCopy = 0;
    let frameCost = 0;
    let pending = false;
    const copy = () => {
      pending = false;
      const t = performance.now();
      this.drawn.updateEachNodeAttributes(
        (n, a) => {
          const p = work.hasNode(n) ? work.getNodeAttributes(n) : a;
          a.x = p.x;
          a.y = p.y;
          return a;
        },
        { attributes: ["x", "y"] },
      );
      const renderer = this.renderer();
      renderer.once("afterRender", () => {
        // Wait for the GPU (one pixel) so the cost counts the drawing, not only the calls that queue it.
        const gl = renderer.getWebGLContext();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        frameCost = performance.now() - t;
      });
      lastCopy = performance.now();
    };
    this.iterations = 0;
    work.on("eachNodeAttributesUpdated", () => {
      this.iterations++;
      if (pending || performance.now() - lastCopy < Math.max(500, 2 * frameCost)) return;
      pending = true;
      setTimeout(copy, 0);
    });
    const settings = forceAtlas2.inferSettings(work);
    const supervisor = new Supervisor(work, { settings: { ...settings, barnesHutOptimize: work.order > 2000 } });
    this.handle = {
      running: () => supervisor.isRunning(),
      kill: () => {
        supervisor.kill();
        copy();
      },
    };
    supervisor.start();
  }

  /** Stops the worker and leaves the last positions on the drawn graph. */
  stop(): void {
    this.handle?.kill();
    this.handle = null;
  }
}

/** A simple undirected copy (parallel edges merged): what PageRank, Louvain and the BFS path expect. */
export function toUndirected(g: MultiDirectedGraph): UndirectedGraph {
  const out = new UndirectedGraph();
  g.forEachNode((n) => out.addNode(n));
  g.forEachEdge((_e, _a, s, t) => {
    if (s !== t) out.mergeEdge(s, t);
  });
  return out;
}
