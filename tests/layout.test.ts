// The import directions of the README's Layout table: each top-level folder imports only the folders listed for
// it, and reaches into another folder only through an index.ts (core/, the shared types, is read directly).
// Tests and benches may reach anywhere.
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../core/model.js";

const ALLOWED: Record<string, string[]> = {
  core: [],
  cypher: ["core"],
  db: ["core", "cypher"],
  service: ["core", "cypher"],
  graph: ["core", "cypher", "service"],
  ingest: ["core", "cypher", "db", "graph"],
  cli: ["core", "cypher", "db", "service", "graph", "ingest"],
  explorer: ["core"],
};
/** Folders read through their files directly rather than an index.ts. */
const OPEN = new Set(["core"]);

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.{1,2}\/[^"]+)"/g;

/** Top-level folder of a project-relative path ("explorer/src/x.ts" → "explorer"). */
function folderOf(path: string): string {
  return path.split("/")[0] ?? "";
}

/** Every relative import of the runtime sources: [file, resolved target] pairs, project-relative. */
export function relativeImports(root = process.cwd()): Array<[string, string]> {
  const files = globSync(["{core,cypher,db,service,graph,ingest,cli}/**/*.ts", "explorer/src/**/*.ts"], { cwd: root });
  const out: Array<[string, string]> = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    for (const m of text.matchAll(IMPORT)) {
      out.push([file, relative(root, normalize(join(root, dirname(file), m[1]!)))]);
    }
  }
  return out;
}

/** What is wrong with one import, or undefined when the Layout table allows it. */
export function layoutViolation(file: string, target: string): string | undefined {
  const from = folderOf(file);
  const to = folderOf(target);
  if (from === to) return undefined;
  if (!(ALLOWED[from] ?? []).includes(to)) return `${file} imports ${target}: ${from}/ may not import ${to}/`;
  if (!OPEN.has(to) && !/(^|\/)index\.(js|ts)$/.test(target)) {
    return `${file} imports ${target}: outside ${to}/, import its index.ts`;
  }
  return undefined;
}

describe("layout", () => {
  it("judges imports by the table", () => {
    expect(layoutViolation("service/server.ts", "cypher/index.js")).toBeUndefined();
    expect(layoutViolation("service/server.ts", "core/errors.js")).toBeUndefined();
    expect(layoutViolation("service/server.ts", "cypher/readonly.js")).toMatch(/import its index\.ts/);
    expect(layoutViolation("cypher/load.ts", "service/index.js")).toMatch(/cypher\/ may not import service\//);
    expect(layoutViolation("ingest/batch/index.ts", "graph/index.js")).toBeUndefined();
    expect(layoutViolation("cli/cli.ts", "ingest/batch/index.js")).toBeUndefined();
    expect(layoutViolation("explorer/src/app.ts", "cypher/index.js")).toMatch(/may not import/);
  });

  it("every runtime import follows the Layout table", () => {
    const imports = relativeImports();
    // The scan sees the project: hundreds of imports, dozens across folders.
    expect(imports.length).toBeGreaterThan(300);
    expect(imports.filter(([f, t]) => folderOf(f) !== folderOf(t)).length).toBeGreaterThan(50);
    const wrong = imports.map(([f, t]) => layoutViolation(f, t)).filter((v) => v !== undefined);
    expect(wrong).toEqual([]);
  });

  it("each index.ts that others import exists", () => {
    const targets = new Set(
      relativeImports()
        .filter(([f, t]) => folderOf(f) !== folderOf(t) && !OPEN.has(folderOf(t)))
        .map(([, t]) => t.replace(/\.js$/, ".ts")),
    );
    expect([...targets].sort()).toEqual(
      expect.arrayContaining([
        "cypher/index.ts",
        "db/index.ts",
        "graph/index.ts",
        "ingest/index.ts",
        "service/index.ts",
      ]),
    );
    for (const t of targets) expect(globSync([t]).length, t).toBe(1);
  });
});

describe("entity labels", () => {
  // Label lists come from core/model.ts (ENTITY_TYPES); a list written out by hand drifts when a type is added.
  const HAND_WRITTEN = /"Person",\s*"Organization"|'Person',\s*'Organization'|Person\|Organization/;

  it("are never written out by hand in the sources or benches", () => {
    const files = globSync(
      ["{core,cypher,db,service,graph,ingest,cli,bench}/**/*.ts", "explorer/src/**/*.ts", "cypher/queries/*.cypher"],
      { ignore: ["core/model.ts"] },
    );
    expect(files.length).toBeGreaterThan(100);
    const found = files.filter((f) => HAND_WRITTEN.test(readFileSync(f, "utf8")));
    expect(found).toEqual([]);
    expect(HAND_WRITTEN.test('const L = ["Person", "Organization", "Place"];')).toBe(true);
  });

  it("match the schema's full-text index, the one list Cypher cannot import", () => {
    const schema = readFileSync("cypher/schema.cypher", "utf8");
    const m = /CREATE FULLTEXT INDEX entity_names[\s\S]*?FOR \(n:([A-Za-z|]+)\)/.exec(schema);
    expect(m?.[1]).toBe(ENTITY_TYPES.join("|"));
  });
});

describe("NER training tools", () => {
  // Statements that load a module at run time: static imports and re-exports other than `import type`, and
  // dynamic imports. A type-only import is erased by the compiler and loads nothing.
  const STATIC = /(?:^|\n)\s*(?:import|export)(\s+type)?\b[^;]*?\bfrom\s*"(\.[^"]+)"/g;
  const DYNAMIC = /\bimport\(\s*"(\.[^"]+)"/g;

  function runtimeImports(file: string, text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(STATIC)) if (!m[1]) out.push(m[2]!);
    for (const m of text.matchAll(DYNAMIC)) out.push(m[1]!);
    return out.map((p) => relative(process.cwd(), normalize(join(process.cwd(), dirname(file), p))));
  }

  it("tells a type-only import from one that loads the module", () => {
    const text =
      'import type { A } from "./training/data.js";\nimport { b } from "./training/x.js";\nawait import("./y.js");';
    expect(runtimeImports("ingest/ner/rules.ts", text)).toEqual(["ingest/ner/training/x.js", "ingest/ner/y.js"]);
  });

  it("are loaded by nothing the runtime runs (only npm run train / eval use them)", () => {
    const files = globSync(["{core,cypher,db,service,graph,ingest,cli}/**/*.ts", "explorer/src/**/*.ts"], {
      ignore: ["ingest/ner/training/**"],
    });
    const training = globSync(["ingest/ner/training/*.ts"]);
    expect(training).toEqual(expect.arrayContaining(["ingest/ner/training/train.ts", "ingest/ner/training/eval.ts"]));
    const wrong = files.flatMap((f) =>
      runtimeImports(f, readFileSync(f, "utf8"))
        .filter((t) => t.startsWith("ingest/ner/training/"))
        .map((t) => `${f} imports ${t}`),
    );
    expect(wrong).toEqual([]);
  });
});
