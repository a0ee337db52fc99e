// `jianwen … | head -1`: a reader that closes the pipe early. The command ends quietly with status 0: no EPIPE
// stack trace on standard error. The pipe is closed before the command writes, so the test does not depend on
// how much of the output fits in the pipe's buffer.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const built = existsSync(join(ROOT, "dist/cli/cli.js"));

function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/jianwen.js"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on("close", (code) => done({ code, stderr })));
}

describe.skipIf(!built)("a closed standard output", () => {
  it.each(["--help", "ingest --help", "query --help", "extract --help", "--version"])(
    "ends `jianwen %s` quietly with status 0",
    async (line) => {
      expect(await withClosedStdout(line.split(" "))).toEqual({ code: 0, stderr: "" });
    },
  );
});

it.runIf(!built)("skips the closed-pipe tests: dist/cli/cli.js is missing (run `npm run build`)", () => {
  expect(built).toBe(false);
});
