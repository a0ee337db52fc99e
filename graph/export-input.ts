// Reads a GraphDoc JSON file for `jianwen export --site --input`, with an error that says what is wrong.
import { readFile } from "node:fs/promises";
import type { GraphDoc } from "../core/model.js";
import { InputError } from "../core/errors.js";

export async function readGraphDocFile(file: string): Promise<GraphDoc> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError(
      `graph/export: cannot read ${file} (${(cause as NodeJS.ErrnoException).code ?? "error"}); check the path`,
      file,
      undefined,
      { cause },
    );
  }
  let doc: Partial<GraphDoc>;
  try {
    doc = JSON.parse(text) as Partial<GraphDoc>;
  } catch (cause) {
    throw new InputError(
      `graph/export: ${file} is not JSON; pass the output of \`jianwen extract FILE --json\``,
      file,
      undefined,
      { cause },
    );
  }
  if (!Array.isArray(doc.entities) || !Array.isArray(doc.relations)) {
    throw new InputError(
      `graph/export: ${file} has no "entities" and "relations" arrays; pass the output of \`jianwen extract FILE --json\``,
      file,
    );
  }
  return { articles: doc.articles ?? [], entities: doc.entities, relations: doc.relations };
}
