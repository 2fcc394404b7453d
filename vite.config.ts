import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

// The web app: src/web → dist/web (served by the Storona server with an SPA fallback).
// `npm run dev:web` proxies /api to a server started with `npm start` on port 3000.
export default defineConfig({
  root: path.join(here, "src/web"),
  publicDir: path.join(here, "src/web/public"),
  plugins: [react()],
  build: {
    outDir: path.join(here, "dist/web"),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
