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
        // What the first screen loads (`$initial`: imported statically from the entry) is one chunk
        // of Mantine, one of the other libraries and the entry: split by which pages share them, the
        // same code came as ~40 files, most under 4 KB, over HTTP/1.1's six connections (and
        // gzipped apart, 17 KB more). Libraries change less often than the app: they keep their own
        // cacheable chunks. A library only pages use stays per set of pages that share it
        // (`entriesAware`), so the first screen does not load the date picker or the combobox of a
        // page not yet opened. Small leftovers are not merged into bigger chunks: merging (at
        // 30 KB) put other pages' code on the first screen.
        codeSplitting: {
          groups: [
            { name: 'first-screen-mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'] },
            { name: 'first-screen-libs', test: /node_modules[\\/]/, tags: ['$initial'] },
            // The app's own first-screen modules (they join the entry's chunk).
            { name: 'first-screen', tags: ['$initial'] },
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
