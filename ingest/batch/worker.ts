// Entry of an extraction worker process (pool.ts): lowers its own priority, loads the pipeline once, then answers
// one message a document. It runs from dist/ (compiled JS), so a pool works the same under tsx, vitest and the
// installed command.
import { getHeapStatistics } from "node:v8";
import { createExtractor, type ExtractTask } from "./extract.js";
import { yieldCpu } from "./priority.js";

const send = process.send?.bind(process);
if (!send) throw new Error("ingest/batch: worker.js must run as a child process with an IPC channel (pool.ts)");
// The run that started this worker has ended, however it ended: nothing is left to do.
process.on("disconnect", () => process.exit(0));

const model = process.env.JIANWEN_WORKER_MODEL === "1";
const priority = await yieldCpu();
let peakHeap = 0;
try {
  const extract = await createExtractor(model);
  process.on("message", (task: ExtractTask | "stats") => {
    if (task === "stats") {
      const usage = process.resourceUsage();
      send({
        stats: {
          pid: process.pid,
          peakHeap,
          heap: process.memoryUsage().heapUsed,
          peakRss: usage.maxRSS * 1024,
          cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
          priority,
        },
      });
      return;
    }
    const result = extract(task);
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
    send(result);
  });
  send({ ready: true });
} catch (error) {
  send({ ready: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
