// Writes a static explorer: the built explorer (dist/explorer) plus a bundle of one subgraph baked in as
// data.js (a classic script, so the page also opens from file:// where fetch is not allowed). The explorer
// finds window.__JIANWEN_STATIC__ and runs without the service or Neo4j.
import { cp, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiGraph, StaticBundle } from "../core/api.js";
import { InputError } from "../core/errors.js";

/** dist/explorer next to this module's dist/graph, or the repository's dist/explorer when run from source. */
export function defaultExplorerDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.includes(`${"/dist/"}`) ? resolve(here, "../explorer") : resolve(here, "../dist/explorer");
}

export function makeBundle(graph: ApiGraph, title: string): StaticBundle {
  return { version: 1, title, generatedAt: new Date().toISOString(), graph };
}

/** `<` escaped so a sentence containing "</script>" cannot end the script early. */
export function bundleScript(bundle: StaticBundle): string {
  return `window.__JIANWEN_STATIC__ = ${JSON.stringify(bundle).replace(/</g, "\\u003c")};\n`;
}

export interface SiteReport {
  dir: string;
  nodes: number;
  edges: number;
  bytes: number;
}

export async function writeStaticSite(
  dir: string,
  bundle: StaticBundle,
  explorerDir = defaultExplorerDir(),
): Promise<SiteReport> {
  const index = join(explorerDir, "index.html");
  try {
    await stat(index);
  } catch (cause) {
    throw new InputError(
      `graph/export-site: the built explorer is missing (${index}); run \`npm run build\` first`,
      index,
      undefined,
      { cause },
    );
  }
  await mkdir(dir, { recursive: true });
  await cp(explorerDir, dir, { recursive: true });
  const data = bundleScript(bundle);
  await writeFile(join(dir, "data.js"), data, "utf8");
  let html = await readFile(index, "utf8");
  // Module scripts are deferred, so data.js (a plain script in <head>) has run before the app starts.
  html = html.replace("</title>", '</title>\n    <script src="./data.js"></script>');
  html = await inlineModuleScript(html, explorerDir);
  await writeFile(join(dir, "index.html"), html, "utf8");
  return { dir, nodes: bundle.graph.nodes.length, edges: bundle.graph.edges.length, bytes: Buffer.byteLength(data) };
}

/**
 * Chromium will not load a module script from file:// (origin "null"), but runs one written inline. The
 * explorer is built as one script without lazy chunks, so inlining it (and its stylesheet) makes index.html
 * open by double-click.
 */
async function inlineModuleScript(html: string, explorerDir: string): Promise<string> {
  const tag = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/;
  const m = tag.exec(html);
  if (!m?.[1]) return html;
  const code = (await readFile(join(explorerDir, m[1]), "utf8")).replace(/<\/script/gi, "<\\/script");
  html = html.replace(m[0], () => `<script type="module">\n${code}\n</script>`);
  // A crossorigin stylesheet is refused from file:// as well.
  const link = /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/.exec(html);
  if (!link?.[1]) return html;
  const css = (await readFile(join(explorerDir, link[1]), "utf8")).replace(/<\/style/gi, "<\\/style");
  return html.replace(link[0], () => `<style>\n${css}\n</style>`);
}
