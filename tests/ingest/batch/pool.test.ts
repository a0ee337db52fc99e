// The extraction pool: worker processes (running the compiled dist/ worker) give the same graph documents as
// extraction on the main thread, run at the lowest priority in scheduling groups of their own, end when the
// process that started them dies; a document that fails comes back as a failure, not a crash, and a worker that
// dies fails its document and tells the run, which stops.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionError } from "../../../core/errors.js";
import { createPool, WORKER_V8_FLAGS, workerScript, type ExtractPool } from "../../../ingest/batch/pool.js";
import { readGroupNice, WORKER_NICE } from "../../../ingest/batch/priority.js";
import type { RawDocument } from "../../../ingest/types.js";

const built = existsSync(fileURLToPath(workerScript()));
const DYING = new URL("../../fixtures/dying-worker.mjs", import.meta.url);
const STORIES = [
  "本报讯 3月5日上午，青河县委常委会召开会议，县委书记韩立松主持会议并讲话。县长苏明远出席会议。",
  "本报讯 3月6日，石门县召开物流园项目推进会，副县长周文澜参加会议。",
  "本报讯 3月7日，临川县委书记沈雨辰在县委常委会会议上强调，要抓好春耕生产。",
];
const raw = (text: string, line: number): RawDocument => ({
  text,
  meta: { title: `第${line}条` },
  origin: { file: "mem.jsonl", line },
  kind: "article",
});

describe.skipIf(!built)("the extraction pool", () => {
  const pools: ExtractPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("gives the same documents from two worker processes as inline", async () => {
    const threads = await createPool(2, false);
    const inline = await createPool(0, false);
    pools.push(threads, inline);
    const fromThreads = await Promise.all(STORIES.map((s, i) => threads.extract(raw(s, i + 1))));
    const fromInline = await Promise.all(STORIES.map((s, i) => inline.extract(raw(s, i + 1))));
    expect(fromThreads.every((r) => r.ok)).toBe(true);
    const docs = (rs: typeof fromThreads) => rs.map((r) => (r.ok ? r.doc : null));
    expect(docs(fromThreads)).toEqual(docs(fromInline));
    expect(fromThreads.map((r) => r.chars)).toEqual(STORIES.map((s) => s.length));
  });

  it("runs each worker as a process of its own, at the lowest priority and in a scheduling group of its own", async () => {
    const pool = await createPool(2, false);
    pools.push(pool);
    const stats = await pool.stats();
    expect(stats).toHaveLength(2);
    for (const worker of stats) {
      expect(worker.pid).not.toBe(process.pid);
      expect(getPriority(worker.pid)).toBe(WORKER_NICE);
      expect(worker.priority.nice).toBe(WORKER_NICE);
      expect(worker.peakRss).toBeGreaterThan(10 * 2 ** 20);
    }
    expect(new Set(stats.map((w) => w.pid)).size).toBe(2);
    const autogroup = (pid: number | "self") => readFileSync(`/proc/${pid}/autogroup`, "utf8").trim();
    if (existsSync("/proc/self/autogroup")) {
      for (const worker of stats) {
        expect(readGroupNice(autogroup(worker.pid))).toBe(WORKER_NICE);
        expect(worker.priority.groupNice).toBe(WORKER_NICE);
        // Its own group: the nice value is not this process's, whose group is unchanged.
        expect(autogroup(worker.pid).split(" ")[0]).not.toBe(autogroup("self").split(" ")[0]);
      }
      expect(readGroupNice(autogroup("self"))).not.toBe(WORKER_NICE);
    }
  });

  it("starts each worker with the V8 flags of WORKER_V8_FLAGS", async () => {
    const pool = await createPool(1, false);
    pools.push(pool);
    const [worker] = await pool.stats();
    expect(WORKER_V8_FLAGS.length).toBeGreaterThan(0);
    if (existsSync(`/proc/${worker!.pid}/cmdline`)) {
      const args = readFileSync(`/proc/${worker!.pid}/cmdline`, "utf8").split("\0");
      for (const flag of WORKER_V8_FLAGS) expect(args).toContain(flag);
    }
    // The flag is one V8 knows: an unknown one stops node before the worker could answer.
    const result = await pool.extract(raw(STORIES[0]!, 1));
    expect(result.ok).toBe(true);
  });

  it("ends its workers when the process that started them is killed", async () => {
    const pool = new URL("../../../dist/ingest/batch/pool.js", import.meta.url).href;
    const script = `const { createPool } = await import(${JSON.stringify(pool)});
const p = await createPool(1, false);
const [w] = await p.stats();
console.log(w.pid);
setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      parent.once("exit", (code) => reject(new Error(`the parent exited first (${code})`)));
    });
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    parent.kill("SIGKILL");
    for (let i = 0; i < 50 && alive(); i++) await sleep(100);
    expect(alive()).toBe(false);
  });

  it("returns a failure for a document the pipeline refuses, and keeps working", async () => {
    const pool = await createPool(1, false);
    pools.push(pool);
    const bad = await pool.extract(raw("no Chinese here at all", 9));
    expect(bad.ok).toBe(false);
    const good = await pool.extract(raw(STORIES[0]!, 10));
    expect(good.ok).toBe(true);
  });
});

describe("readGroupNice", () => {
  it("reads the nice value of a /proc/PID/autogroup line", () => {
    expect(readGroupNice("/autogroup-42 nice 19\n")).toBe(19);
    expect(readGroupNice("/autogroup-7 nice -5")).toBe(-5);
    expect(readGroupNice("no such line")).toBeNull();
  });
});

describe("a pool whose worker dies", () => {
  it("fails the worker's document, tells the run once, and no longer asks the dead worker", async () => {
    const pool = await createPool(1, false, { script: DYING });
    try {
      const deaths: ExtractionError[] = [];
      pool.onFatal((error) => deaths.push(error));
      const result = await pool.extract(raw(STORIES[0]!, 1));
      expect(result.ok).toBe(false);
      const later = await pool.extract(raw(STORIES[1]!, 2));
      expect(later.ok).toBe(false);
      expect(deaths).toHaveLength(1);
      expect(deaths[0]).toBeInstanceOf(ExtractionError);
      expect(await pool.stats()).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it("refuses to start without its worker script", async () => {
    const missing = new URL("./no-such-worker.js", DYING);
    await expect(createPool(1, false, { script: missing })).rejects.toBeInstanceOf(ExtractionError);
  });
});
