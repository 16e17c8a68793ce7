import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The API server in development (`npm run dev` starts it next to Vite).
 * 127.0.0.1 rather than localhost: Node resolves localhost to ::1 first, and
 * the server listens on 127.0.0.1 by default.
 */
const api = process.env.PARLEY_API_URL ?? 'http://127.0.0.1:4000';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Warns when a chunk the chat app loads grows past `limitKb`, as Vite's
 * `chunkSizeWarningLimit` did while the chat app was the only page. That
 * limit now has to clear GraphiQL's Monaco editor (one 2.8 MB chunk, loaded
 * only at /graphiql), so the chat app's budget is checked here instead.
 */
function chatChunkBudget(limitKb: number): Plugin {
  return {
    name: 'parley:chat-chunk-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = byFile.get(fileName);
        if (!chunk || seen.has(fileName)) return;
        seen.add(fileName);
        const kb = chunk.code.length / 1000;
        if (kb > limitKb)
          this.warn(`the chat app's chunk ${fileName} is ${Math.round(kb)} kB (budget ${limitKb} kB)`);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
      };
      for (const c of chunks) if (c.isEntry && c.name === 'index') visit(c.fileName);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), chatChunkBudget(900)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The chat app is ~870 kB (~200 kB gzipped) in two chunks: what it shares with GraphiQL
    // (React, graphql-js, graphql-ws) and the rest: Apollo and every typed operation. Splitting by route gains little
    // while the client preset's gql.ts maps every document in one module (each route would
    // still load them all); that needs the preset's document-import transform first. Its
    // budget (chatChunkBudget, 900 kB a chunk) sits above today's size so a sudden jump still
    // warns in `npm start`; this limit only has to clear GraphiQL's Monaco chunk.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Two pages: the chat app, and GraphiQL (client/src/graphiql), which the server serves at
      // /graphiql when GRAPHIQL is on. Separate entries: none of GraphiQL's editor (Monaco) or
      // UI code lands in the chat app's chunks.
      input: { index: page('index.html'), graphiql: page('graphiql.html') },
      onwarn(warning, warn) {
        // GraphiQL is compiled with the React Compiler; its "use no memo" directives are hints
        // for that compiler, meaningless in a bundle (rolldown drops them, and says so per file).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /node_modules/.test(warning.id ?? '')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // /graphiql is client/graphiql.html here (Vite serves /name from name.html).
    proxy: {
      '/graphql': { target: api, ws: true },
      '/uploads': { target: api },
      '/files': { target: api },
      '/unsubscribe': { target: api },
      '/healthz': { target: api },
    },
  },
});
