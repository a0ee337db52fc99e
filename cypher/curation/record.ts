// Turns a request for a decision (from `jianwen curate` or the explorer) into a decision of the curation file:
// the nodes it names must be in the graph, and the names they have now are written beside their ids, so the
// file reads well and a merge can be replayed on a graph that holds only the merged node.
import type { Driver } from "neo4j-driver";
import { InputError } from "../../core/errors.js";
import { ENTITY_TYPES } from "../../core/model.js";
import { ENTITY_BY_ID, applyCuration, type ApplyReport } from "./apply.js";
import { appendDecision, readCuration, type Decision, type DecisionInput } from "./file.js";

export interface DecisionRequest {
  action: Decision["action"];
  node?: string | undefined;
  into?: string | undefined;
  to?: string | undefined;
  decision?: string | undefined;
  by: string;
  note?: string | undefined;
}

async function lookUp(
  driver: Driver,
  database: string | undefined,
  id: string | undefined,
  what: string,
): Promise<{ name: string; label: string }> {
  if (!id) throw new InputError(`curation: ${what}: give a node id such as person:张三`);
  const { records } = await driver.executeQuery(
    `${ENTITY_BY_ID} RETURN n.name AS name, [l IN labels(n) WHERE l IN $labels][0] AS label`,
    { id, labels: [...ENTITY_TYPES] },
    { routing: "READ", database },
  );
  const r = records[0];
  if (!r) throw new InputError(`curation: ${what}: there is no entity ${id} in the graph`);
  return { name: String(r.get("name") ?? ""), label: String(r.get("label")) };
}

export async function prepareDecision(
  driver: Driver,
  database: string | undefined,
  req: DecisionRequest,
): Promise<DecisionInput> {
  const base = { by: req.by, ...(req.note ? { note: req.note } : {}) };
  switch (req.action) {
    case "reject": {
      const n = await lookUp(driver, database, req.node, "reject");
      return { ...base, action: "reject", node: req.node!, name: n.name };
    }
    case "merge": {
      const n = await lookUp(driver, database, req.node, "merge");
      const m = await lookUp(driver, database, req.into, "merge into");
      if (req.node === req.into) throw new InputError(`curation: a node cannot be merged into itself (${req.node})`);
      if (n.label !== m.label)
        throw new InputError(
          `curation: cannot merge ${req.node} (${n.label}) into ${req.into} (${m.label}): they are of different types`,
        );
      return { ...base, action: "merge", node: req.node!, name: n.name, into: req.into!, intoName: m.name };
    }
    case "rename": {
      const n = await lookUp(driver, database, req.node, "rename");
      const to = req.to?.trim();
      if (!to) throw new InputError("curation: rename: give the new name");
      return { ...base, action: "rename", node: req.node!, from: n.name, to };
    }
    case "undo": {
      if (!req.decision) throw new InputError('curation: undo: give the id of the decision to take back, such as "c3"');
      return { ...base, action: "undo", decision: req.decision };
    }
  }
}

/** Records a decision in the file and applies the whole file (every step is idempotent). */
export async function recordAndApply(
  driver: Driver,
  database: string | undefined,
  path: string,
  req: DecisionRequest,
): Promise<{ decision: Decision; report: ApplyReport }> {
  const decision = await appendDecision(path, await prepareDecision(driver, database, req));
  const { decisions } = await readCuration(path);
  return { decision, report: await applyCuration(driver, decisions, { database }) };
}
