#!/usr/bin/env node
// Entry point of the `jianwen` command: runs the compiled CLI from dist/ (built by `npm ci` through `prepare`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    "jianwen: the compiled CLI is missing (dist/cli/cli.js); run `npm run build` in the project folder\n",
  );
  process.exit(2);
}
const { main } = await import(cli.href);
await main(process.argv);
