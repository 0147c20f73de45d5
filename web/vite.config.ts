import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '..');

// `npm run dev:web` serves the UI with hot reload and forwards /api to `npm start` on port 3000.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: { outDir: path.join(webRoot, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    // web/ imports the shared contracts from src/contracts.
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
