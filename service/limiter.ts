// Bounds how many queries of one kind run on Neo4j at once. User queries (POST /api/query and named queries):
// a burst of heavy Cypher cannot take every core and every transaction memory byte from the explorer's own
// reads. The explorer's reads: fifty requests at once run faster a few at a time than all together, because
// Neo4j's threads stop fighting over two cores, and the fewer slots the more neighbour and search requests each
// batched query answers (service/batch.ts). Past the queue length a request is refused at once (429 BUSY)
// rather than waiting for a timeout.
import { QueryError } from "../core/errors.js";

export class QueryLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxRunning: number,
    readonly maxWaiting: number,
    /** What is limited, for the BUSY message. */
    readonly what = "user queries",
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new QueryError(
          `service: ${this.running} ${this.what} are running and ${this.waiting.length} waiting; try again shortly`,
          "BUSY",
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
