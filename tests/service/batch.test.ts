// Unit tests of the read batcher: requests waiting for a slot are answered by one `many` call, each gets its own
// answer, a lone request goes through `one`, a failed batch answers each alone, and a refused turn refuses.
import { describe, expect, it } from "vitest";
import { QueryError } from "../../core/errors.js";
import { ReadBatcher } from "../../service/batch.js";
import type { ReadOpts } from "../../service/graph-read.js";
import { QueryLimiter } from "../../service/limiter.js";

const opts: ReadOpts = { timeoutMs: 1000 };

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A batcher over numbers that answers n with n * 10, recording its calls; `held` keeps the first call open. */
function recording(slots: QueryLimiter, maxBatch = 16, failMany = (args: number[]) => args.includes(-1)) {
  const calls: Array<{ kind: "one" | "many"; args: number[] }> = [];
  const held = gate();
  let first = true;
  const hold = async () => {
    if (first) {
      first = false;
      await held.opened;
    }
  };
  const batcher = new ReadBatcher<number, number>(
    slots,
    {
      async one(_o, n) {
        calls.push({ kind: "one", args: [n] });
        await hold();
        if (n < 0) throw new QueryError(`no ${n}`, "NOT_FOUND");
        return n * 10;
      },
      async many(_o, args) {
        calls.push({ kind: "many", args });
        await hold();
        if (failMany(args)) throw new Error("the batch failed");
        return args.map((n) => n * 10);
      },
    },
    maxBatch,
  );
  return { batcher, calls, release: held.open };
}

describe("ReadBatcher", () => {
  it("runs a lone request through one, as before", async () => {
    const { batcher, calls, release } = recording(new QueryLimiter(2, 100));
    release();
    expect(await batcher.run(opts, 4)).toBe(40);
    expect(calls).toEqual([{ kind: "one", args: [4] }]);
  });

  it("answers the requests that waited for a slot with one many call, each its own answer", async () => {
    const { batcher, calls, release } = recording(new QueryLimiter(1, 100));
    const first = batcher.run(opts, 1); // takes the only slot and holds it
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [2, 3, 4, 5].map((n) => batcher.run(opts, n));
    release();
    expect(await first).toBe(10);
    expect(await Promise.all(waiting)).toEqual([20, 30, 40, 50]);
    expect(calls).toEqual([
      { kind: "one", args: [1] },
      { kind: "many", args: [2, 3, 4, 5] },
    ]);
  });

  it("takes at most maxBatch at a time", async () => {
    const { batcher, calls, release } = recording(new QueryLimiter(1, 100), 3);
    const first = batcher.run(opts, 0);
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [1, 2, 3, 4, 5, 6, 7].map((n) => batcher.run(opts, n));
    release();
    await first;
    expect(await Promise.all(waiting)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(calls.slice(1)).toEqual([
      { kind: "many", args: [1, 2, 3] },
      { kind: "many", args: [4, 5, 6] },
      { kind: "one", args: [7] },
    ]);
  });

  it("answers each request alone when its batch fails, so an error reaches only its own request", async () => {
    const { batcher, calls, release } = recording(new QueryLimiter(1, 100));
    const first = batcher.run(opts, 1);
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [2, -1, 3].map((n) => batcher.run(opts, n).catch((e: unknown) => e));
    release();
    await first;
    const [two, bad, three] = await Promise.all(waiting);
    expect(two).toBe(20);
    expect(three).toBe(30);
    expect(bad).toBeInstanceOf(QueryError);
    expect((bad as QueryError).code).toBe("NOT_FOUND");
    expect(calls.slice(1).map((c) => c.kind)).toEqual(["many", "one", "one", "one"]);
  });

  it("tells every request of a batch the bookmark of the one read", async () => {
    const slots = new QueryLimiter(1, 100);
    const held = gate();
    const batcher = new ReadBatcher<number, number>(slots, {
      async one(o, n) {
        await held.opened;
        o.onBookmark?.("b-one");
        return n;
      },
      async many(o, args) {
        o.onBookmark?.("b-many");
        return args;
      },
    });
    const seen: string[] = [];
    const first = batcher.run(opts, 1);
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [2, 3].map((n) => batcher.run({ ...opts, onBookmark: (b) => seen.push(`${n}:${b}`) }, n));
    held.open();
    await Promise.all([first, ...waiting]);
    expect(seen.sort()).toEqual(["2:b-many", "3:b-many"]);
  });

  it("takes a turn in line only for requests the turns in line cannot take, so a long burst is never BUSY", async () => {
    // One slot and one place in line: a turn per request would refuse all but the first two.
    const { batcher, calls, release } = recording(new QueryLimiter(1, 1), 4);
    const first = batcher.run(opts, 0);
    await new Promise((r) => setTimeout(r, 5));
    const burst = [1, 2, 3, 4].map((n) => batcher.run(opts, n));
    release();
    await first;
    expect(await Promise.all(burst)).toEqual([10, 20, 30, 40]);
    for (let round = 0; round < 5; round += 1) {
      const more = Array.from({ length: 4 }, (_, i) => batcher.run(opts, round * 4 + i));
      expect(await Promise.all(more)).toEqual([0, 1, 2, 3].map((i) => (round * 4 + i) * 10));
    }
    expect(calls[1]).toEqual({ kind: "many", args: [1, 2, 3, 4] });
  });

  it("refuses the request whose turn the line refuses (BUSY) and answers the others", async () => {
    const { batcher, release } = recording(new QueryLimiter(1, 1), 1);
    const first = batcher.run(opts, 1);
    await new Promise((r) => setTimeout(r, 5));
    const second = batcher.run(opts, 2); // a batch holds one: its turn takes the one place in line
    const third = batcher.run(opts, 3).catch((e: unknown) => e); // needs a turn of its own: BUSY
    const refused = await third;
    expect(refused).toBeInstanceOf(QueryError);
    expect((refused as QueryError).code).toBe("BUSY");
    release();
    expect(await first).toBe(10);
    expect(await second).toBe(20);
  });
});
