// Vite build of the explorer: root explorer/, output dist/explorer (served by `jianwen serve` at /, copied by
// `jianwen export --site`). Relative base so the built folder works from any path, including a static host.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../dist/explorer", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // One script, no lazy chunks: `jianwen export --site` inlines it so the page also opens from file://,
    // where Chromium refuses to load module scripts from files.
    rolldownOptions: { output: { codeSplitting: false } },
  },
  server: {
    host: "127.0.0.1",
    // During `vite dev`, the API comes from a running `jianwen serve` (JIANWEN_API=http://127.0.0.1:PORT).
    proxy: process.env.JIANWEN_API ? { "/api": process.env.JIANWEN_API } : undefined,
  },
});
