// `jianwen extract`: reads files and prints their graph document as JSON without touching a database, or with
// --spans tags one text a line from standard input (the evaluation contract).
import { Command, Option } from "commander";

export function define(): Command {
  return new Command("extract")
    .description("Extract articles, entities and relations from news files and print them (no database)")
    .argument("[files...]", "page or article files, directories, globs, or - for standard input")
    .option("--json", "print the graph document as JSON (the default)")
    .option("--spans", "read one text a line on standard input; print one JSON line of entity spans for each")
    .option("--encoding <name>", "input encoding when detection is wrong (utf8, gb18030, utf16le …)")
    .option(
      "--json-fields <map>",
      "field names of JSON and JSONL articles when not the usual ones, e.g. text=article_body,date=ctime",
    )
    .addOption(new Option("--no-model", "rules and gazetteers only, without the trained tagger"))
    .option("--pretty", "indent the JSON")
    .addHelpText(
      "after",
      `
Examples:
  jianwen extract page.txt --json
  jianwen extract archive/ --pretty > graph.json
  echo 市委书记李长萍主持会议。 | jianwen extract --spans`,
    )
    .action(
      async (
        files: string[],
        opts: { spans?: boolean; encoding?: string; jsonFields?: string; model: boolean; pretty?: boolean },
      ) => {
        if (opts.spans) {
          const spans = "../../ingest/ner/spans.js";
          const { runSpans } = (await import(spans)) as {
            runSpans: (i: NodeJS.ReadableStream, o: NodeJS.WritableStream) => Promise<void>;
          };
          await runSpans(process.stdin, process.stdout);
          return;
        }
        const { extractFiles } = await import("../extract-files.js");
        const { parseJsonlFields } = await import("../../ingest/read/index.js");
        const jsonlFields = opts.jsonFields === undefined ? undefined : parseJsonlFields(opts.jsonFields);
        const { doc, failures, warnings } = await extractFiles(files, {
          encoding: opts.encoding,
          jsonlFields,
          model: opts.model,
        });
        process.stdout.write(`${JSON.stringify(doc, null, opts.pretty ? 2 : undefined)}\n`);
        for (const w of warnings) process.stderr.write(`jianwen: warning: ${w}\n`);
        for (const f of failures) process.stderr.write(`jianwen: ${f}\n`);
        if (failures.length) process.exitCode = 2;
      },
    );
}
