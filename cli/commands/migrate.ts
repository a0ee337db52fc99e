// `jianwen migrate`: folds a graph loaded before facts were kept one per (person, organization, title) and the
// like — one relationship per article and fact — into one relationship per fact with all its evidence
// (cypher/migrate.ts). Safe to run twice; stop ingest first.
import { Command } from "commander";
import { wholeNumber } from "../options.js";

export function define(): Command {
  return new Command("migrate")
    .description(
      "fold a graph loaded with one relationship per article and fact into one relationship per fact, keeping every sentence",
    )
    .option(
      "--batch-size <n>",
      "old relationships folded per transaction",
      wholeNumber("migrate", "--batch-size"),
      2000,
    )
    .action(async (flags: { batchSize: number }) => {
      const { connectionSettingsFromEnv, openDriver } = await import("../../cypher/index.js");
      const { migrateGraph } = await import("../../cypher/index.js");
      const settings = connectionSettingsFromEnv();
      const driver = await openDriver(settings);
      try {
        const began = performance.now();
        const r = await migrateGraph(driver, {
          database: settings.database,
          batchSize: flags.batchSize,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        const seconds = ((performance.now() - began) / 1000).toFixed(1);
        process.stdout.write(
          `migrate: ${r.folded} per-article relationships folded into ${r.facts} fact rows, ${r.links} MENTIONS/REPORTED cleaned in ${seconds} s` +
            (r.folded > 0 ? "; run `jianwen analyze` to weigh links by their new article counts\n" : "\n"),
        );
      } finally {
        await driver.close();
      }
    });
}
