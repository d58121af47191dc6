import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The tab front end: three pages (the manifest's tab URLs) sharing one bundle, served by Drypp
 * under /tabs/ from its own origin. Charts are a separate chunk, loaded when My team shows them.
 */
const tabsRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: tabsRoot,
  base: '/tabs/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(tabsRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        'my-learning': path.join(tabsRoot, 'my-learning.html'),
        'my-team': path.join(tabsRoot, 'my-team.html'),
        admin: path.join(tabsRoot, 'admin.html'),
      },
    },
  },
});
