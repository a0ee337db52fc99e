// The extraction pool: child processes running dist/ingest/batch/worker.js, each given at most `perWorker`
// documents at a time so memory stays bounded however large the archive. With zero workers it extracts inline.
// Processes rather than threads, for the scheduler: a worker starts its own session and lowers its priority
// (worker.ts), so extraction takes the CPU the writer and the database leave. On Linux a session is a scheduling
// group (autogroup) that shares the cores equally with every other group, whatever its threads' nice values; with
// threads the two busy workers and the main thread formed one group beside the server's and held the server to
// half the cores while it committed the loads, which are the one serial part of a run.
// A worker that dies (crash, out of memory, killed) fails its documents and tells the run, which stops: the
// rest of the archive would otherwise pile onto the survivors or fail document by document.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fork, type ChildProcess } from "node:child_process";
import { ExtractionError } from "../../core/errors.js";
import type { RawDocument } from "../types.js";
import { createExtractor, type Extractor, type ExtractResult } from "./extract.js";
import type { WorkerPriority } from "./priority.js";

export interface WorkerStats {
  /** The worker's process id. */
  pid: number;
  peakHeap: number;
  /** The worker process's peak resident set (bytes). */
  peakRss: number;
  /** User + system CPU seconds the worker process has used. */
  cpuSeconds: number;
  /** What yieldCpu could set (priority.ts). */
  priority: WorkerPriority;
}

export interface ExtractPool {
  /** How many documents may be in flight before `extract` should be awaited. */
  readonly capacity: number;
  extract(raw: RawDocument): Promise<ExtractResult>;
  stats(): Promise<WorkerStats[]>;
  /** Called once when a worker dies; the run treats it as fatal. */
  onFatal(listener: (error: ExtractionError) => void): void;
  /** Terminates every worker; after it nothing of the pool keeps the process alive. */
  close(): Promise<void>;
}

/** The compiled worker: beside this file in dist/, or in dist/ when this file runs from source through tsx. */
export function workerScript(): URL {
  const here = new URL(import.meta.url);
  // Test runners may add a query to the module URL; the path alone tells source from compiled.
  return here.pathname.endsWith(".ts")
    ? new URL("../../dist/ingest/batch/worker.js", here)
    : new URL("./worker.js", here);
}

export interface PoolOptions {
  /** The worker script; default workerScript(). Tests give one that misbehaves on purpose. */
  script?: URL;
}

export async function createPool(workers: number, model: boolean, options: PoolOptions = {}): Promise<ExtractPool> {
  return workers === 0
    ? inlinePool(await createExtractor(model))
    : processPool(workers, model, options.script ?? workerScript());
}

function inlinePool(extract: Extractor): ExtractPool {
  let seq = 0;
  return {
    capacity: 1,
    extract: async (raw) => extract({ seq: seq++, raw }),
    stats: async () => [],
    onFatal: () => undefined,
    close: async () => undefined,
  };
}

interface Slot {
  worker: ChildProcess;
  /** Set when the worker crashed: it gets no more documents. */
  dead?: boolean;
  pending: Map<number, (result: ExtractResult) => void>;
}

async function processPool(count: number, model: boolean, script: URL): Promise<ExtractPool> {
  if (!existsSync(fileURLToPath(script))) {
    throw new ExtractionError(
      `ingest/batch: the compiled worker ${fileURLToPath(script)} is missing; run \`npm run build\` first, or pass --workers 0`,
    );
  }
  const slots: Slot[] = await Promise.all(Array.from({ length: count }, () => startWorker(script, model)));
  let seq = 0;
  let closing = false;
  let fatalListener: ((error: ExtractionError) => void) | undefined;
  let deathReported = false;
  const died = (slot: Slot, error: Error) => {
    failAll(slot, error);
    if (closing || deathReported) return;
    deathReported = true;
    fatalListener?.(
      new ExtractionError(
        `ingest/batch: an extraction worker died (${error.message}); the run stops, rerun it to continue (finished articles are kept)`,
        { cause: error },
      ),
    );
  };
  for (const slot of slots) {
    slot.worker.on("message", (message: ExtractResult | { stats: unknown }) => {
      if (!("seq" in message)) return;
      const resolve = slot.pending.get(message.seq);
      slot.pending.delete(message.seq);
      resolve?.(message);
    });
    slot.worker.on("error", (error: Error) => died(slot, error));
    slot.worker.on("exit", (code) => {
      if (!closing) died(slot, new Error(`worker exited with code ${code}`));
    });
  }
  // Enough queued that a worker never waits on the main thread (reading, or a long garbage collection while
  // `ingest --bulk` holds every document) between two documents; few enough that memory stays bounded.
  const perWorker = 4;
  return {
    capacity: count * perWorker,
    extract(raw) {
      // Least-loaded worker: long pages and short items mix, so round robin would let one queue grow.
      const alive = slots.filter((s) => !s.dead);
      const task = { seq: seq++, raw };
      if (alive.length === 0) {
        const message =
          "ingest/batch: every extraction worker has crashed; see the errors above and rerun (finished articles are kept)";
        return Promise.resolve({
          seq: task.seq,
          ok: false,
          error: { name: "ExtractionError", message },
          chars: 0,
          ms: 0,
        });
      }
      const slot = alive.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      return new Promise<ExtractResult>((resolve) => {
        slot.pending.set(task.seq, resolve);
        slot.worker.send(task);
      });
    },
    onFatal(listener) {
      fatalListener = listener;
    },
    stats: () =>
      Promise.all(
        // A dead worker would never answer.
        slots
          .filter((slot) => !slot.dead)
          .map(
            (slot) =>
              new Promise<WorkerStats>((resolve) => {
                const onMessage = (message: { stats?: WorkerStats }) => {
                  if (!message.stats) return;
                  slot.worker.off("message", onMessage);
                  resolve(message.stats);
                };
                slot.worker.on("message", onMessage);
                slot.worker.send("stats");
              }),
          ),
      ),
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => stop(slot.worker)));
    },
  };
}

/** Ends a worker process and resolves once it has exited. */
function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.once("exit", () => resolve());
    worker.kill();
  });
}

/**
 * V8 flags of a worker process. The interrupt budget (V8's default 67,584 bytecode units) sets how much a
 * function runs before V8 considers optimizing it. The rule functions are long, with many branches that only some
 * articles take; optimized early, each was deoptimized on the first article that took a branch it had never seen
 * and compiled again, a dozen times a run for the largest (findMeetings, findProjects, readHeadedNames), and
 * TurboFan's compiling took about a third of a worker's CPU. With a budget of 1,000,000 a function is optimized
 * after it has seen more articles: over 5,000 articles in one process, 170 compilations instead of 640 and a sixth
 * of the compile time. Two workers side by side on 2 cores (10,000 articles each) finished in 31-34 s instead of
 * 35-39 s; whole-corpus ingests took 79-86 s instead of 85-90 s, 94-100 ingest CPU-s instead of 103-110.
 */
export const WORKER_V8_FLAGS = ["--interrupt-budget=1000000"] as const;

function startWorker(script: URL, model: boolean): Promise<Slot> {
  return new Promise((resolve, reject) => {
    // detached: a session of its own (see the top of this file). The IPC channel closes when this process ends,
    // however it ends, and the worker exits then (worker.ts), so a detached worker never outlives its run.
    // "advanced" serialization is the structured clone worker threads use: documents cross as they are.
    const worker = fork(fileURLToPath(script), [], {
      detached: true,
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      execArgv: [...WORKER_V8_FLAGS],
      env: { ...process.env, JIANWEN_WORKER_MODEL: model ? "1" : "0" },
    });
    const onMessage = (message: { ready?: boolean; error?: string }) => {
      if (message.ready === undefined) return;
      worker.off("message", onMessage);
      if (message.ready) resolve({ worker, pending: new Map() });
      else {
        void stop(worker);
        reject(
          new ExtractionError(
            `ingest/batch: an extraction worker could not load the pipeline: ${message.error ?? "unknown error"}`,
          ),
        );
      }
    };
    worker.on("message", onMessage);
    worker.once("error", (error: Error) =>
      reject(
        new ExtractionError(`ingest/batch: an extraction worker failed to start: ${error.message}`, { cause: error }),
      ),
    );
    // Once ready, an exit is a crash and the pool's own listener reports it; before, it is a failed start.
    worker.once("exit", (code, signal) =>
      reject(
        new ExtractionError(
          `ingest/batch: an extraction worker exited before it was ready (${signal ?? `code ${code}`}); run with --workers 0 to see the error in this process`,
        ),
      ),
    );
  });
}

/** A crashed worker fails its in-flight documents (each is reported), never leaves them hanging. */
function failAll(slot: Slot, error: Error): void {
  slot.dead = true;
  for (const [seq, resolve] of slot.pending) {
    resolve({
      seq,
      ok: false,
      error: { name: "ExtractionError", message: `ingest/batch: the extraction worker crashed: ${error.message}` },
      chars: 0,
      ms: 0,
    });
  }
  slot.pending.clear();
}
