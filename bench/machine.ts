// What the machine did while a benchmark ran, from the kernel's CPU counters (/proc/stat): how much of the cores'
// time was busy, idle, or stolen by the hypervisor for other guests. On a virtual machine the same run varies by
// a fifth from hour to hour; steal time and the busy share of processes outside the run say why.
import { readFileSync } from "node:fs";

/** The aggregate `cpu` line of /proc/stat, in clock ticks. */
export interface CpuTicks {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
}

/** The first (all-cores) `cpu` line of a /proc/stat text; null when there is none. */
export function parseCpuLine(stat: string): CpuTicks | null {
  const line = stat.split("\n").find((l) => /^cpu\s/.test(l));
  if (!line) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  if ([user, nice, system, idle].some((v) => v === undefined || !Number.isFinite(v))) return null;
  return {
    user: user!,
    nice: nice!,
    system: system!,
    idle: idle!,
    iowait: iowait ?? 0,
    irq: irq ?? 0,
    softirq: softirq ?? 0,
    // Kernels before 2.6.11 have no steal column: none counted.
    steal: Number.isFinite(steal) ? steal! : 0,
  };
}

/** The machine's counters now; null where /proc/stat cannot be read (not Linux). */
export function cpuTicks(): CpuTicks | null {
  try {
    return parseCpuLine(readFileSync("/proc/stat", "utf8"));
  } catch {
    return null;
  }
}

export interface CpuShares {
  /** Seconds of core time between the two readings (all cores). */
  coreSeconds: number;
  /** Fractions of that time: busy (user, nice, system, irq, softirq), idle (with I/O wait), stolen. */
  busy: number;
  idle: number;
  ioWait: number;
  steal: number;
}

/** How the cores' time between two readings was spent; `hz` is the kernel's clock tick rate (100 on Linux). */
export function cpuShares(before: CpuTicks, after: CpuTicks, hz = 100): CpuShares {
  const d = (k: keyof CpuTicks) => Math.max(0, after[k] - before[k]);
  const busy = d("user") + d("nice") + d("system") + d("irq") + d("softirq");
  const idle = d("idle") + d("iowait");
  const steal = d("steal");
  const ticks = busy + idle + steal;
  const total = ticks || 1;
  return {
    coreSeconds: ticks / hz,
    busy: busy / total,
    idle: idle / total,
    ioWait: d("iowait") / total,
    steal: steal / total,
  };
}

/** A share as a percentage, e.g. 0.953 → "95.3%" (`digits` after the point). */
export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;

/**
 * One line for a benchmark's output: the cores' time during the run, and how much of the busy time was not the
 * measured processes' (`ownCpuS`, their CPU seconds, when known).
 */
export function describeCpu(shares: CpuShares, ownCpuS?: number): string {
  const busyS = shares.busy * shares.coreSeconds;
  const others =
    ownCpuS === undefined ? "" : `; outside the measured processes ${Math.max(0, busyS - ownCpuS).toFixed(0)} CPU-s`;
  return (
    `${shares.coreSeconds.toFixed(0)} core-seconds: busy ${percent(shares.busy)}, idle ${percent(shares.idle)} ` +
    `(I/O wait ${percent(shares.ioWait)}), stolen by the hypervisor ${percent(shares.steal)}${others}`
  );
}
