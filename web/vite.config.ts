import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const perPages = { entriesAware: true, entriesAwareMergeThreshold: 0 };

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: the server reads which chunks each page needs from it, and names them in
    // that page's index.html (server/plugins/route-preloads.ts). It is not served.
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: keep them in their own cacheable chunks. Each
        // page is loaded on first visit (App.tsx), so a library chunk holds only what the pages
        // that share it need (`entriesAware`): the first screen does not load the date picker or
        // the combobox of a page not yet opened. Small leftovers are not merged into bigger chunks:
        // merging (at 30 KB) put 36 KB of other pages' code on the first screen once a sixth page
        // came (246 KiB against 210 KiB without), for a dozen fewer requests on later pages.
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, ...perPages },
            { name: 'vendor', test: /node_modules[\\/]/, ...perPages },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The web app imports the shared contract from ../contract.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
