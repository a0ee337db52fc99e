// `jianwen ingest PATH…`: batch ingest of files, directories, globs or standard input into Neo4j, with progress,
// a summary, and a run report listing every input that failed. Heavy modules load inside the action.
import { Command, Option } from "commander";
import { wholeNumber } from "../options.js";

interface IngestFlags {
  encoding?: string;
  jsonlFields?: string;
  jsonFields?: string;
  maxBytes?: string;
  batchSize?: number;
  batchArticles?: number;
  workers?: number;
  concurrency?: number;
  atomicLoads?: boolean;
  shard?: string;
  report?: string;
  curation?: string;
  quiet?: boolean;
  json?: boolean;
  analyze: boolean;
  model: boolean;
  bulk?: boolean;
}

export function define(): Command {
  return new Command("ingest")
    .description(
      "Read news files and load their articles, entities and relations into Neo4j (NEO4J_URI, default bolt://127.0.0.1:7687)",
    )
    .argument(
      "<paths...>",
      "files (.txt .md .json .jsonl .html, optionally .gz), directories (read recursively), quoted globs, or - for standard input",
    )
    .option(
      "--encoding <name>",
      "decode every input with this encoding instead of detecting it (utf-8, gb18030, gbk, utf-16le …)",
    )
    .option(
      "--jsonl-fields <map>",
      "JSONL field names, e.g. title=headline,text=body,date=pubdate (defaults: title date source text page author)",
    )
    .option(
      "--json-fields <map>",
      "field names of JSON and JSONL articles when not the usual ones (title/headline/标题, content/body/正文, date/publish_date …), e.g. text=article_body,date=ctime",
    )
    .option(
      "--max-bytes <size>",
      "largest document read into memory: a whole .txt/.md/.html file or one JSONL line (default 200MB)",
    )
    .option(
      "--batch-size <rows>",
      "rows per Neo4j write transaction (default 5000)",
      wholeNumber("ingest", "--batch-size"),
    )
    .option(
      "--batch-articles <n>",
      "articles gathered into one load (default 1000)",
      wholeNumber("ingest", "--batch-articles"),
    )
    .option(
      "--workers <n>",
      "extraction threads; 0 extracts on the main thread (default: one per CPU core)",
      wholeNumber("ingest", "--workers", { min: 0 }),
    )
    .option(
      "--concurrency <n>",
      "loads written to Neo4j at the same time (default 1; more can deadlock on shared entities and wait in retries)",
      wholeNumber("ingest", "--concurrency"),
    )
    .option(
      "--atomic-loads",
      "write each load (--batch-articles articles) in one transaction: a failure mid-load leaves nothing of it behind (larger transactions)",
    )
    .option(
      "--shard <i/n>",
      "take only the inputs whose content hash falls in shard i of n (for several processes or machines)",
    )
    .option(
      "--bulk",
      "first load into an EMPTY database through Neo4j's offline importer (CSV + neo4j-admin database import): much faster on a large archive; Neo4j (jianwen db start, or docker compose) is stopped and started again meanwhile",
    )
    .option(
      "--curation <file>",
      "corrections applied after the load (default: JIANWEN_CURATION or ./curation.yaml, when it exists)",
    )
    .option("--report <file>", "where to write the run report (default .jianwen/reports/<timestamp>.json)")
    .addOption(new Option("--quiet", "no progress and no summary; failures only").conflicts("json"))
    .option("--json", "machine-readable progress, failure and summary lines on standard output")
    .option("--no-analyze", "skip computing degree, PageRank and communities after the load")
    .option("--no-model", "rules and gazetteers only, without the trained tagger")
    .addHelpText(
      "after",
      `
Exit status: 0 when every input was ingested, 2 when some inputs failed (the others are ingested; the report
lists each failure with file, line and reason), 3 when Neo4j cannot be reached or refuses writes (the run
stops), 1 when an extraction worker died (the run stops; rerun it to continue).

Examples:
  jianwen ingest archive/
  jianwen ingest 'pages/2023-*/*.txt' exports/news.jsonl.gz
  jianwen ingest news.jsonl --jsonl-fields title=headline,text=content --workers 2
  jianwen ingest crawl/2026-03-29/ --json-fields text=article_body,date=ctime
  jianwen ingest --bulk news.jsonl          # first load of a large archive into an empty database
  NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… jianwen ingest archive/ --shard 1/3`,
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const { ingestPaths, bulkIngestPaths, parseShard, defaultReportPath, summaryText } =
        await import("../../ingest/batch/index.js");
      const { parseJsonlFields, parseByteSize } = await import("../../ingest/read/index.js");
      const { applyCuration, closeDriver, connectionSettingsFromEnv, curationPath, openDriver, readCuration } =
        await import("../../cypher/index.js");
      const curation = curationPath(flags.curation);
      // A damaged curation file is refused before anything is read or written.
      await readCuration(curation);
      const settings = {
        batchSize: flags.batchSize,
        batchArticles: flags.batchArticles,
        workers: flags.workers,
        concurrency: flags.concurrency,
        atomicLoads: flags.atomicLoads ?? false,
        shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
        analyze: flags.analyze,
        model: flags.model,
      };
      const read = {
        encoding: flags.encoding,
        jsonlFields:
          flags.jsonlFields === undefined && flags.jsonFields === undefined
            ? undefined
            : { ...parseJsonlFields(flags.jsonlFields ?? ""), ...parseJsonlFields(flags.jsonFields ?? "") },
        maxBytes: flags.maxBytes === undefined ? undefined : parseByteSize(flags.maxBytes),
      };
      const progress = flags.json ? "json" : flags.quiet ? "quiet" : process.stderr.isTTY ? "bar" : "lines";
      const connection = connectionSettingsFromEnv();
      // The driver retries a transaction that met a deadlock or a lost connection for this long before the run
      // sees the error; a server that has gone away is then reported within seconds, not after minutes.
      const driver = await openDriver(connection, { config: { maxTransactionRetryTime: 10_000 } });
      try {
        const common = {
          driver,
          database: connection.database,
          settings,
          read,
          progress,
          report: flags.report ?? defaultReportPath(),
        } as const;
        const outcome = flags.bulk
          ? await bulkIngestPaths(paths, {
              ...common,
              connection,
              log: (line) => {
                if (!flags.quiet && !flags.json) process.stderr.write(`${line}\n`);
              },
            })
          : await ingestPaths(paths, { ...common, curation });
        // The bulk importer writes a new database; the corrections are applied to it afterwards.
        const curated = flags.bulk
          ? (await applyCuration(driver, (await readCuration(curation)).decisions, { database: connection.database }))
              .results
          : (("curation" in outcome ? outcome.curation?.results : undefined) ?? []);
        const failed = curated.filter((r) => r.outcome === "failed");
        if (curated.length && !flags.quiet && !flags.json)
          process.stderr.write(
            `curation: ${curated.filter((r) => r.outcome === "applied").length} of ${curated.length} decisions changed the graph\n`,
          );
        for (const r of failed) process.stderr.write(`curation: ${r.id} ${r.action} failed: ${r.message}\n`);
        if (failed.length) process.exitCode = 2;
        if (flags.json)
          process.stdout.write(
            `${JSON.stringify({ event: "summary", report: outcome.reportFile, ...outcome.summary, ...(curated.length ? { curation: curated } : {}) })}\n`,
          );
        else if (!flags.quiet) process.stderr.write(`${summaryText(outcome.summary, outcome.reportFile)}\n`);
        if (outcome.summary.failures > 0) process.exitCode = 2;
      } finally {
        await closeDriver(driver);
      }
    });
}
