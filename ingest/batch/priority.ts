// How an extraction worker yields the CPU to the writer and the database: the lowest nice value for the process,
// and, where Linux groups a session's processes for the scheduler (autogroup), the same for its group, which the
// worker leads (pool.ts starts it in a session of its own). Either may be refused or absent; the worker then runs
// at normal priority and says so in its stats.
import { readFile, writeFile } from "node:fs/promises";
import { setPriority } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

export const WORKER_NICE = 19;

export interface WorkerPriority {
  /** The process's nice value after yieldCpu, or null if it could not be set. */
  nice: number | null;
  /** The scheduling group's nice value, or null where there is no autogroup or it could not be set. */
  groupNice: number | null;
}

export async function yieldCpu(nice = WORKER_NICE, autogroup = "/proc/self/autogroup"): Promise<WorkerPriority> {
  let processNice: number | null = null;
  try {
    setPriority(nice);
    processNice = nice;
  } catch {
    // Refused (a sandbox); the group below still counts.
  }
  return { nice: processNice, groupNice: await setGroupNice(autogroup, nice) };
}

/**
 * The kernel lets an unprivileged process change an autogroup's nice value only once a tenth of a second,
 * machine-wide (EAGAIN), which two workers starting together would hit: a few tries, a little apart.
 */
async function setGroupNice(file: string, nice: number): Promise<number | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, String(nice));
      return readGroupNice(await readFile(file, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return null;
      await sleep(120);
    }
  }
  return null;
}

/** The nice value in a /proc/PID/autogroup line ("/autogroup-42 nice 19"), or null. */
export function readGroupNice(line: string): number | null {
  const match = /\bnice\s+(-?\d+)/.exec(line);
  return match ? Number(match[1]) : null;
}
