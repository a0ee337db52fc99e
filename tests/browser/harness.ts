// Shared pieces of the explorer's browser tests: Debian's Chromium driven by playwright-core with the flags the
// project requires, a static file server on 127.0.0.1 for exported sites, console-error collection, screenshots
// under tests/artifacts/, and helpers that read sigma's state through the page's window.__jianwen handle.
import { mkdirSync, mkdtempSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = resolve("tests/artifacts");

export async function chromiumAvailable(): Promise<boolean> {
  try {
    await stat(CHROMIUM);
    return true;
  } catch {
    return false;
  }
}

/** A fresh profile each run: nothing cached, nothing remembered between runs. */
export async function launch(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), "jianwen-chromium-"));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    viewport: { width: 1400, height: 860 },
    acceptDownloads: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serves a folder on 127.0.0.1 (an exported static site) on a free port. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Opens a page that records console errors and failed requests; `errors` is checked at the end of a suite. */
export async function openPage(browser: BrowserContext, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()}`));
  return page;
}

export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__jianwenReady !== undefined);
  await page.evaluate(() => window.__jianwenReady);
  // Let sigma draw its first frames and the SDF label atlas settle.
  await page.waitForTimeout(400);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Where a drawn node is on the page, in CSS pixels. */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((node) => {
    const app = window.__jianwen;
    if (!app) throw new Error("no app");
    const data = app.renderer.getNodeDisplayData(node);
    if (!data) throw new Error(`node ${node} is not drawn`);
    const p = app.renderer.framedGraphToViewport(data);
    const rect = app.renderer.getContainer().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, id);
}

/** The colour sigma drew at a page position, read back from its WebGL canvas right after a render. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    ({ x, y }) => {
      const app = window.__jianwen;
      if (!app) throw new Error("no app");
      const r = app.renderer;
      r.refresh({ partialGraph: {}, skipIndexation: true });
      const gl = r.getWebGLContext();
      const rect = r.getContainer().getBoundingClientRect();
      const ratio = gl.drawingBufferWidth / rect.width;
      const px = new Uint8Array(4);
      gl.readPixels(
        Math.round((x - rect.left) * ratio),
        Math.round(gl.drawingBufferHeight - (y - rect.top) * ratio),
        1,
        1,
        gl.RGBA,
        gl.UNSIGNED_BYTE,
        px,
      );
      const a = (px[3] ?? 255) / 255 || 1;
      // Premultiplied alpha over the page's white background.
      return [0, 1, 2].map((i) => Math.round((px[i] ?? 0) + 255 * (1 - a))) as [number, number, number];
    },
    { x, y },
  );
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colourDistance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
