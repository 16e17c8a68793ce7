import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The API server in development (`npm run dev` starts it next to Vite).
 * 127.0.0.1 rather than localhost: Node resolves localhost to ::1 first, and
 * the server listens on 127.0.0.1 by default.
 */
const api = process.env.PARLEY_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // One chunk of ~480 kB (~146 kB gzipped): React, Apollo and graphql-js. Split by route
    // once the chat screens land; until then the warning would only be noise in `npm start`.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: api, ws: true },
      '/graphiql': { target: api },
      '/uploads': { target: api },
      '/files': { target: api },
      '/unsubscribe': { target: api },
      '/healthz': { target: api },
    },
  },
});
