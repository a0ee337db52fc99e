// Turning the user's PATH arguments into input sources: files as given, directories walked recursively in a
// stable order, glob patterns through tinyglobby, and "-" for standard input.
import { opendir, stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { readFailure, type ReadFailure } from "./failure.js";
import { formatFromName } from "./format.js";
import { fsFailure, type InputSource } from "./source.js";

export interface ExpandOptions {
  /** Told about files a directory walk passes over (unknown extensions, hidden files), so nothing vanishes unseen. */
  onSkip?: ((file: string, reason: string) => void) | undefined;
}

export async function* expandPaths(
  paths: readonly string[],
  options: ExpandOptions = {},
): AsyncGenerator<InputSource | ReadFailure> {
  for (const path of paths) {
    if (path === "-") {
      yield { file: "-", path: null };
      continue;
    }
    const info = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) yield* walk(path, options);
      else yield { file: path, path };
      continue;
    }
    if (info.code === "ENOENT" && isDynamicPattern(path)) {
      const matches = (
        await glob(path, {
          onlyFiles: true,
          expandDirectories: false,
          absolute: isAbsolute(path),
        })
      ).sort();
      if (matches.length === 0)
        yield readFailure(
          path,
          "no-match",
          "matches no files",
          "check the pattern (quote it so the shell does not expand it)",
        );
      for (const match of matches) yield { file: match, path: match };
      continue;
    }
    yield fsFailure(path, info);
  }
}

async function* walk(directory: string, options: ExpandOptions): AsyncGenerator<InputSource | ReadFailure> {
  let entries: { name: string; isDirectory: boolean; isFile: boolean }[];
  try {
    entries = [];
    for await (const entry of await opendir(directory)) {
      entries.push({
        name: entry.name,
        isDirectory: entry.isDirectory(),
        isFile: entry.isFile() || entry.isSymbolicLink(),
      });
    }
  } catch (error) {
    yield fsFailure(directory, error);
    return;
  }
  // Sorted, so runs and shards see the same order and reports are stable.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.name.startsWith(".")) {
      options.onSkip?.(path, "hidden");
      continue;
    }
    if (entry.isDirectory) yield* walk(path, options);
    else if (entry.isFile && formatFromName(entry.name) !== null) yield { file: path, path };
    else options.onSkip?.(path, "not a .txt, .md, .jsonl or .html file (optionally .gz)");
  }
}
