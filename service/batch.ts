// Requests of one kind that wait for a graph-read slot at the same moment share one Neo4j query. Under load
// (fifty explorer requests, four slots) most of a small read's cost is not the Cypher but the round trip
// around it: a Bolt message each way, the driver's session and result, Neo4j's per-query setup. A slot that
// frees takes every waiting request of its kind (up to `maxBatch`) and answers them with one statement that
// UNWINDs their arguments; a request that finds nobody waiting runs alone, exactly as before. A kind holds at
// most one turn in the line per `maxBatch` waiting requests. Every request still reads Neo4j: nothing is kept
// between requests.
import type { ReadOpts } from "./graph-read.js";
import type { QueryLimiter } from "./limiter.js";

interface Waiting<A, R> {
  arg: A;
  opts: ReadOpts;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export interface BatchWork<A, R> {
  /** Answers one request on its own. */
  one(opts: ReadOpts, arg: A): Promise<R>;
  /** Answers several requests with one query: the answers in the order of `args`. */
  many(opts: ReadOpts, args: A[]): Promise<R[]>;
}

export class ReadBatcher<A, R> {
  private readonly waiting: Array<Waiting<A, R>> = [];
  /** Turns in the line of reads not started yet; together they take up to `turns * maxBatch` waiting requests. */
  private turns = 0;

  constructor(
    private readonly slots: QueryLimiter,
    private readonly work: BatchWork<A, R>,
    readonly maxBatch = 16,
  ) {}

  run(opts: ReadOpts, arg: A): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const item: Waiting<A, R> = { arg, opts, resolve, reject };
      this.waiting.push(item);
      // A request that the turns already in line will take waits for them; only one they cannot take (more
      // than `maxBatch` each) gets in line itself. A turn per request would leave the line growing by
      // maxBatch - 1 turns with every full batch until it refused requests.
      if (this.waiting.length <= this.turns * this.maxBatch) return;
      this.turns += 1;
      this.slots
        .run(() => {
          this.turns -= 1;
          return this.drain();
        })
        .catch((error: unknown) => {
          // The line refused this turn (BUSY): it refuses the request that asked for it, unless a batch took it.
          const at = this.waiting.indexOf(item);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          reject(error);
        });
    });
  }

  private async drain(): Promise<void> {
    const items = this.waiting.splice(0, this.maxBatch);
    if (items.length === 0) return;
    if (items.length === 1) return settle(items[0]!, this.work.one(items[0]!.opts, items[0]!.arg));
    const first = items[0]!.opts;
    // One read for all: it reports its bookmark to every request (the answer cache keeps each under it).
    const opts: ReadOpts = {
      database: first.database,
      timeoutMs: first.timeoutMs,
      onBookmark: (bookmark) => {
        for (const item of items) item.opts.onBookmark?.(bookmark);
      },
    };
    let answers: R[];
    try {
      answers = await this.work.many(
        opts,
        items.map((item) => item.arg),
      );
    } catch {
      // Whatever failed (one bad argument, a timeout), each request gets its own answer or its own error.
      await Promise.all(items.map((item) => settle(item, this.work.one(item.opts, item.arg))));
      return;
    }
    items.forEach((item, i) => item.resolve(answers[i]!));
  }
}

async function settle<A, R>(item: Waiting<A, R>, answer: Promise<R>): Promise<void> {
  try {
    item.resolve(await answer);
  } catch (error) {
    item.reject(error);
  }
}
