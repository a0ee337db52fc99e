// Worker-thread entry of the extraction pool: loads the pipeline once, then answers one message a document.
// It runs from dist/ (compiled JS), so a pool works the same under tsx, vitest and the installed command.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { createExtractor, type ExtractTask } from "./extract.js";

const port = parentPort;
if (!port) throw new Error("ingest/batch: worker.js must run as a worker thread");

const { model } = workerData as { model: boolean };
let peakHeap = 0;
try {
  const extract = await createExtractor(model);
  port.on("message", (task: ExtractTask | "stats") => {
    if (task === "stats") {
      port.postMessage({ stats: { peakHeap, heap: process.memoryUsage().heapUsed } });
      return;
    }
    const result = extract(task);
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
    port.postMessage(result);
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
