import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const uiDir = path.dirname(fileURLToPath(import.meta.url));

/** The explorer's build: `ui/` in, `ui/dist/` out. `npm start` runs it when the build is stale. */
export default defineConfig({
  root: uiDir,
  // Served from the server's root; relative URLs would break on SPA paths like /paper/x.
  base: '/',
  build: {
    outDir: path.join(uiDir, 'dist'),
    emptyOutDir: true,
    // Cytoscape and its layout are most of the bundle; one chunk is simpler to cache and serve.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite ui` during development, against `npm start` on the default port.
    proxy: { '/graphql': 'http://localhost:4000' },
  },
});
