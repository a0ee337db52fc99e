// `jianwen export --site` as a library: a built explorer plus the bundle becomes a folder whose index.html runs
// from file:// (script and stylesheet inlined) and finds the graph in data.js, even when a sentence holds
// "</script>".
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { StaticBundle } from "../../core/api.js";
import { InputError } from "../../core/errors.js";
import { graphDocToApiGraph } from "../../graph/export-api.js";
import { makeBundle, writeStaticSite } from "../../graph/export-site.js";
import { FIXTURE_DOC } from "../browser/fixture.js";

function fakeExplorer(): string {
  const dir = mkdtempSync(join(tmpdir(), "jianwen-explorer-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html><head><title>见闻</title>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
    </head><body></body></html>`,
  );
  writeFileSync(join(dir, "assets/index-abc.js"), 'const s = "</script>"; window.ran = s;');
  writeFileSync(join(dir, "assets/index-abc.css"), "body { color: red }");
  return dir;
}

describe("the static site writer", () => {
  it("bakes the graph into data.js and inlines the explorer's script and stylesheet", async () => {
    const graph = graphDocToApiGraph(FIXTURE_DOC);
    graph.edges[0]!.evidence[0]!.sentence = "一句含有 </script> 的话。";
    const out = mkdtempSync(join(tmpdir(), "jianwen-site-"));
    const report = await writeStaticSite(out, makeBundle(graph, "河清"), fakeExplorer());
    expect(report.nodes).toBe(graph.nodes.length);

    const html = await readFile(join(out, "index.html"), "utf8");
    expect(html).toContain('<script src="./data.js"></script>');
    expect(html).not.toContain('src="./assets/index-abc.js"');
    expect(html).toContain("<style>");
    expect(html.match(/<\/script>/g)?.length).toBe(2);

    const sandbox: { window: { __JIANWEN_STATIC__?: StaticBundle } } = { window: {} };
    runInNewContext(await readFile(join(out, "data.js"), "utf8"), sandbox);
    const bundle = sandbox.window.__JIANWEN_STATIC__;
    expect(bundle?.title).toBe("河清");
    expect(bundle?.graph.edges[0]?.evidence[0]?.sentence).toBe("一句含有 </script> 的话。");
    expect(bundle?.graph.nodes.length).toBe(graph.nodes.length);
  });

  it("says to build first when the explorer is not built", async () => {
    const out = mkdtempSync(join(tmpdir(), "jianwen-site-"));
    await expect(
      writeStaticSite(out, makeBundle({ nodes: [], edges: [] }, "x"), join(out, "missing")),
    ).rejects.toBeInstanceOf(InputError);
  });
});

describe("the GraphDoc → API graph conversion", () => {
  it("keeps every entity and article, joins evidence with its article and counts entity degree", () => {
    const g = graphDocToApiGraph(FIXTURE_DOC);
    expect(g.nodes.length).toBe(FIXTURE_DOC.entities.length + FIXTURE_DOC.articles.length);
    const chaired = g.edges.find((e) => e.type === "PARTICIPATED_IN" && e.source === "person:林晓峰");
    expect(chaired?.evidence[0]).toMatchObject({
      articleTitle: FIXTURE_DOC.articles[0]?.title,
      date: "2023-02-06",
      source: "河清日报",
    });
    const degree = g.nodes.find((n) => n.id === "person:陈静怡")?.degree;
    const expected = FIXTURE_DOC.relations.filter(
      (r) =>
        !["MENTIONS", "REPORTED"].includes(r.type) && (r.source === "person:陈静怡" || r.target === "person:陈静怡"),
    ).length;
    expect(degree).toBe(expected);
  });

  it("leaves articles out when asked", () => {
    const g = graphDocToApiGraph(FIXTURE_DOC, { articles: false });
    expect(g.nodes.some((n) => n.type === "Article")).toBe(false);
    expect(g.edges.some((e) => e.type === "MENTIONS")).toBe(false);
  });
});
