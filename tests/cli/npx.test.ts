// `npx jianwen …` from the project folder is how the README and the evaluation tools run the command. It must
// find node_modules/.bin/jianwen (the linked bin/ package) and not a bin of the project's own package.json,
// which makes npx load the whole dependency tree before every run.
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; bin?: unknown };

describe("npx jianwen", () => {
  it("runs bin/jianwen.js through node_modules/.bin, with no bin in the project's package.json", () => {
    expect(pkg.bin).toBeUndefined();
    expect(realpathSync(join(ROOT, "node_modules/.bin/jianwen"))).toBe(realpathSync(join(ROOT, "bin/jianwen.js")));
    const run = spawnSync("npx", ["--no-install", "jianwen", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it("tags standard input with extract --spans", () => {
    const run = spawnSync("npx", ["--no-install", "jianwen", "extract", "--spans"], {
      cwd: ROOT,
      encoding: "utf8",
      input: "市委书记李长萍在聊城主持会议。\n",
    });
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as { entities: { text: string; type: string }[] };
    expect(line.entities).toContainEqual(expect.objectContaining({ text: "李长萍", type: "Person" }));
    expect(line.entities).toContainEqual(expect.objectContaining({ text: "聊城", type: "Place" }));
  });
});
