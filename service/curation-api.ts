// Curation through the service: GET /api/curation says whether it is on; POST /api/curation records one decision
// in the curation file (cypher/curation) and applies the file to Neo4j. The POST route exists only when the
// server was started with a curation file (`jianwen serve --curate`) and a token, so a service without both has
// no route that writes anything: the read-only API stays read-only.
import type { FastifyInstance } from "fastify";
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { API_ROUTES } from "../core/api.js";
import { JianwenError, QueryError } from "../core/errors.js";
import { readCuration, effectiveDecisions } from "../cypher/index.js";
import { recordAndApply } from "../cypher/index.js";
import * as S from "./schemas.js";

const id = z.string().trim().min(1).max(500);
export const CurationBody = z.strictObject({
  action: z.enum(["reject", "merge", "rename", "undo"]),
  node: id.optional(),
  into: id.optional(),
  to: z.string().trim().min(1).max(400).optional(),
  decision: z
    .string()
    .regex(/^c\d+$/)
    .optional(),
  note: z.string().max(2000).optional(),
  by: z.string().trim().min(1).max(200).optional(),
});

export interface CurationRoutes {
  driver: Driver;
  database?: string | undefined;
  /** The curation file; undefined leaves curation off (GET says so, no POST route). */
  file?: string | undefined;
  /** Called after a decision changed the graph, so kept answers are not served again. */
  changed: () => void;
}

export function registerCuration(app: FastifyInstance, opts: CurationRoutes): void {
  const { file } = opts;
  app.get(API_ROUTES.curation, async (req) => {
    S.parse(S.EmptyQuery, req.query, "query string");
    if (!file) return { enabled: false };
    const { decisions } = await readCuration(file);
    const { undone } = effectiveDecisions(decisions);
    const undoneIds = new Set(undone.map((d) => d.id));
    return { enabled: true, decisions: decisions.map((d) => ({ ...d, undone: undoneIds.has(d.id) })) };
  });
  if (!file) return;
  // One decision at a time: each appends to the file and then applies it whole.
  let queue: Promise<unknown> = Promise.resolve();
  app.post(API_ROUTES.curation, async (req) => {
    const body = S.parse(CurationBody, req.body, "body");
    const run = queue.then(async () => {
      try {
        return await recordAndApply(opts.driver, opts.database, file, { ...body, by: body.by ?? "explorer" });
      } catch (error) {
        if (error instanceof JianwenError && !(error instanceof QueryError) && error.exitCode === 2)
          throw new QueryError(error.message, "BAD_REQUEST");
        throw error;
      } finally {
        opts.changed();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  });
}
