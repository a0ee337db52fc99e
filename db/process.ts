// The operating-system side of a local Neo4j: pid file, liveness of the launcher process, signals, log tails.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { LAUNCHER_CLASS, parsePidRecord, tailLines, type PidRecord } from "./options.js";

export function readPidRecord(pidFile: string): PidRecord | undefined {
  return existsSync(pidFile) ? parsePidRecord(readFileSync(pidFile, "utf8")) : undefined;
}

export function writePidRecord(pidFile: string, record: PidRecord): void {
  writeFileSync(pidFile, `${JSON.stringify(record, null, 2)}\n`);
}

export function removePidFile(pidFile: string): void {
  rmSync(pidFile, { force: true });
}

/**
 * Whether `pid` is a live launcher process. On Linux the command line must name the launcher class, so a pid
 * reused by another program after a crash is never signalled (and a zombie, whose command line is empty,
 * counts as gone). Elsewhere, signal 0 tells whether the pid exists at all.
 */
export function isLauncherProcess(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync("/proc/self/cmdline")) {
    try {
      return readFileSync(cmdline, "utf8").split("\0").includes(LAUNCHER_CLASS);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ESRCH")
        return false;
      throw error;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    // Already gone between the check and the signal: that is the outcome we wanted.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isLauncherProcess(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

/** The tail of a log from byte `from` on (the part written by the current run). */
export function readLogTail(logFile: string, from = 0, lines = 30): string {
  if (!existsSync(logFile)) return "(no log written)";
  const text = readFileSync(logFile).subarray(from).toString("utf8");
  return text.trim() === "" ? "(log is empty)" : tailLines(text, lines);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
