// The benchmarks' account of the machine during a run: /proc/stat's cpu line read by name, and the cores' time
// split into busy, idle and stolen shares between two readings.
import { describe, expect, it } from "vitest";
import { cpuShares, cpuTicks, describeCpu, parseCpuLine } from "../../bench/machine.js";

const STAT_BEFORE = `cpu  1000 50 200 5000 40 0 10 100 0 0
cpu0 500 25 100 2500 20 0 5 50 0 0
cpu1 500 25 100 2500 20 0 5 50 0 0
intr 12345
`;
// 4 s on 2 cores (800 ticks): 500 busy (user 400, nice 50, system 40, softirq 10), 200 idle + 20 I/O wait, 80 stolen.
const STAT_AFTER = `cpu  1400 100 240 5200 60 0 20 180 0 0
cpu0 700 50 120 2600 30 0 10 90 0 0
cpu1 700 50 120 2600 30 0 10 90 0 0
`;

describe("the machine's CPU counters", () => {
  it("reads the all-cores line, not a core's", () => {
    expect(parseCpuLine(STAT_BEFORE)).toEqual({
      user: 1000,
      nice: 50,
      system: 200,
      idle: 5000,
      iowait: 40,
      irq: 0,
      softirq: 10,
      steal: 100,
    });
  });

  it("counts no steal on a kernel without the column, and nothing on text without a cpu line", () => {
    expect(parseCpuLine("cpu  1 2 3 4 5 6 7\n")?.steal).toBe(0);
    expect(parseCpuLine("cpu0 1 2 3 4\nintr 5\n")).toBeNull();
  });

  it("splits the cores' time between two readings into busy, idle and stolen", () => {
    const shares = cpuShares(parseCpuLine(STAT_BEFORE)!, parseCpuLine(STAT_AFTER)!);
    expect(shares.coreSeconds).toBeCloseTo(8, 5);
    expect(shares.busy).toBeCloseTo(500 / 800, 5);
    expect(shares.idle).toBeCloseTo(220 / 800, 5);
    expect(shares.ioWait).toBeCloseTo(20 / 800, 5);
    expect(shares.steal).toBeCloseTo(80 / 800, 5);
    expect(shares.busy + shares.idle + shares.steal).toBeCloseTo(1, 9);
    // Busy time beyond the measured processes' CPU is other work on the machine.
    expect(describeCpu(shares, 3)).toMatch(
      /busy 62\.5%, idle 27\.5% \(I\/O wait 2\.5%\), stolen by the hypervisor 10\.0%; outside the measured processes 2 CPU-s/,
    );
  });

  it("reads this machine's counters where there is a /proc", () => {
    const ticks = cpuTicks();
    if (process.platform !== "linux") return expect(ticks).toBeNull();
    expect(ticks!.user + ticks!.idle).toBeGreaterThan(0);
  });
});
