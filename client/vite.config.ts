// Vite build of the explorer: root client/, output client/dist (served by the API server).
// In development `/api` is proxied to a running server (RINGSCOPE_API, default 127.0.0.1:19080).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 19173,
    proxy: { '/api': { target: process.env.RINGSCOPE_API ?? 'http://127.0.0.1:19080', changeOrigin: false } },
  },
});
