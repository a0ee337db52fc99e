// `jianwen curate`: corrections to the graph, recorded in the curation file (`curation.yaml` in the working
// folder, JIANWEN_CURATION, or --curation FILE) and written to Neo4j by `curate apply` and after every ingest.
import { userInfo } from "node:os";
import { Command } from "commander";
import type { DecisionRequest } from "../../cypher/index.js";

interface Common {
  curation?: string;
  by?: string;
  note?: string;
}

function who(given: string | undefined): string {
  if (given?.trim()) return given.trim();
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

async function add(req: Omit<DecisionRequest, "by">, flags: Common): Promise<void> {
  const { appendDecision, curationPath, describeDecision } = await import("../../cypher/index.js");
  const { prepareDecision } = await import("../../cypher/index.js");
  const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
  const path = curationPath(flags.curation);
  const settings = connectionSettingsFromEnv();
  const driver = await openDriver(settings);
  try {
    const input = await prepareDecision(driver, settings.database, { ...req, by: who(flags.by), note: flags.note });
    const d = await appendDecision(path, input);
    process.stdout.write(`${describeDecision(d)}\nrecorded in ${path}; \`jianwen curate apply\` writes it to Neo4j\n`);
  } finally {
    await driver.close();
  }
}

const withCommon = (c: Command, decides = true) => {
  c.option("--curation <file>", "the curation file (default: JIANWEN_CURATION or ./curation.yaml)");
  if (decides) c.option("--by <who>", "who decided (default: the login name)").option("--note <text>", "why");
  return c;
};

export function define(): Command {
  const curate = new Command("curate").description(
    "Record corrections to the graph (reject, merge, rename, undo) in the curation file, list them, apply them to Neo4j",
  );
  curate.addCommand(
    withCommon(
      new Command("reject")
        .description("the node is wrong (not a person, not an organization …): remove it and its relationships")
        .argument("<node>", "the node's id, e.g. person:张三"),
    ).action((node: string, flags: Common) => add({ action: "reject", node }, flags)),
  );
  curate.addCommand(
    withCommon(
      new Command("merge")
        .description("the node is the same as another: move all its relationships, evidence and names to it")
        .argument("<node>", "the node merged away")
        .requiredOption("--into <id>", "the node kept"),
    ).action((node: string, flags: Common & { into: string }) =>
      add({ action: "merge", node, into: flags.into }, flags),
    ),
  );
  curate.addCommand(
    withCommon(
      new Command("rename")
        .description("give the node another name; the old one stays as an alias")
        .argument("<node>", "the node's id")
        .requiredOption("--to <name>", "the new name"),
    ).action((node: string, flags: Common & { to: string }) => add({ action: "rename", node, to: flags.to }, flags)),
  );
  curate.addCommand(
    withCommon(
      new Command("undo")
        .description("take back an earlier decision (recorded as one more decision; history is not edited)")
        .argument("<decision>", "the decision's id, e.g. c3 (see `jianwen curate list`)"),
    ).action((decision: string, flags: Common) => add({ action: "undo", decision }, flags)),
  );
  curate.addCommand(
    withCommon(new Command("list").description("list the decisions of the curation file"), false)
      .option("--json", "one JSON object per decision")
      .action(async (flags: Common & { json?: boolean }) => {
        const { curationPath, describeDecision, effectiveDecisions, readCuration } =
          await import("../../cypher/index.js");
        const file = await readCuration(curationPath(flags.curation));
        const { undone } = effectiveDecisions(file.decisions);
        const undoneIds = new Set(undone.map((d) => d.id));
        if (flags.json) {
          for (const d of file.decisions)
            process.stdout.write(`${JSON.stringify({ ...d, undone: undoneIds.has(d.id) })}\n`);
          return;
        }
        if (!file.decisions.length) process.stderr.write(`no decisions in ${file.path}\n`);
        for (const d of file.decisions) process.stdout.write(`${describeDecision(d, undoneIds.has(d.id))}\n`);
      }),
  );
  curate.addCommand(
    withCommon(new Command("apply").description("write the curation file's decisions to Neo4j (idempotent)"), false)
      .option("--no-analyze", "skip recomputing degree, PageRank and communities afterwards")
      .action(async (flags: Common & { analyze: boolean }) => {
        const { curationPath, readCuration } = await import("../../cypher/index.js");
        const { applyCuration } = await import("../../cypher/index.js");
        const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
        const file = await readCuration(curationPath(flags.curation));
        const settings = connectionSettingsFromEnv();
        const driver = await openDriver(settings);
        try {
          const report = await applyCuration(driver, file.decisions, { database: settings.database });
          for (const r of report.results) process.stdout.write(`${r.id}  ${r.action}  ${r.outcome}  ${r.message}\n`);
          const changed = report.results.filter((r) => r.outcome === "applied" || r.outcome === "reverted").length;
          if (flags.analyze && changed > 0) {
            const { analyzeGraph } = await import("../../graph/index.js");
            await analyzeGraph(driver, { database: settings.database });
          }
          if (report.articlesToReingest > 0)
            process.stdout.write(
              `${report.articlesToReingest} article(s) will be read again by the next \`jianwen ingest\` of their files\n`,
            );
          if (report.results.some((r) => r.outcome === "failed")) process.exitCode = 2;
        } finally {
          await driver.close();
        }
      }),
  );
  return curate;
}
