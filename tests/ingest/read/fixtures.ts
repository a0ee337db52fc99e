// Builds read-stage fixtures in a fresh temporary folder: our own short Chinese news text (fictional people)
// written in each encoding and format the reader accepts, plus each kind of bad input.
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";

export const STORY =
  "本报讯（记者 周文澜）2月3日上午，青河市委书记韩立松主持召开市委常委会会议，研究部署全市重点工作。\n" +
  "会议强调，要扎实推进青河港物流园项目建设，确保年内投产。市长苏明远出席会议并讲话。";

export const TITLE = "青河市委常委会会议召开";

export interface FixtureDir {
  root: string;
  path: (name: string) => string;
  write: (name: string, data: string | Uint8Array) => Promise<string>;
  link: (name: string, target: string) => Promise<string>;
  remove: () => Promise<void>;
}

export async function fixtureDir(): Promise<FixtureDir> {
  const root = await mkdtemp(join(tmpdir(), "jianwen-read-"));
  const path = (name: string) => join(root, name);
  return {
    root,
    path,
    async write(name, data) {
      await mkdir(dirname(path(name)), { recursive: true });
      await writeFile(path(name), data);
      return path(name);
    },
    async link(name, target) {
      await symlink(target, path(name));
      return path(name);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

export const encode = (text: string, encoding: string, bom = false): Buffer =>
  iconv.encode(text, encoding, { addBOM: bom });
export const gzip = (data: string | Uint8Array): Buffer =>
  gzipSync(typeof data === "string" ? Buffer.from(data) : data);

export function htmlPage(title: string, paragraphs: string[], head = ""): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>青河日报网 - ${title}</title>${head}</head>
<body><nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/about">关于我们</a></nav>
<div class="main"><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article></div>
<aside><ul><li><a href="/1">热点一</a></li><li><a href="/2">热点二</a></li></ul></aside>
<footer>青河日报社 版权所有</footer></body></html>`;
}

export function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}
