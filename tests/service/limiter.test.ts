// Unit tests of the user-query limiter: at most N at once, a bounded queue, BUSY beyond it.
import { describe, expect, it } from "vitest";
import { QueryError } from "../../core/errors.js";
import { QueryLimiter } from "../../service/limiter.js";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("QueryLimiter", () => {
  it("runs at most maxRunning at once and starts a waiter when one finishes", async () => {
    const limiter = new QueryLimiter(2, 10);
    let running = 0;
    let peak = 0;
    const gates = [gate(), gate(), gate()];
    const jobs = gates.map((g) =>
      limiter.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await g.opened;
        running -= 1;
      }),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(running).toBe(2);
    gates.forEach((g) => g.open());
    await Promise.all(jobs);
    expect(peak).toBe(2);
  });

  it("refuses with BUSY once the queue is full, and frees its slots after a failure", async () => {
    const limiter = new QueryLimiter(1, 1);
    const g = gate();
    const first = limiter.run(() => g.opened);
    const second = limiter.run(async () => "second");
    await expect(limiter.run(async () => "third")).rejects.toMatchObject({ code: "BUSY" });
    await expect(limiter.run(async () => "third")).rejects.toBeInstanceOf(QueryError);
    g.open();
    await first;
    expect(await second).toBe("second");
    await expect(limiter.run(async () => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(await limiter.run(async () => "after")).toBe("after");
  });
});
