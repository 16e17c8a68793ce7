/// <reference types="vite/client" />
/**
 * Monaco (GraphiQL's editor) runs its language services in web workers,
 * which it asks `MonacoEnvironment.getWorker` for. Vite bundles a worker
 * from a `?worker` import, but only in our own source: graphiql's
 * `setup-workers/vite` module does the same from node_modules, where Vite's
 * dependency pre-bundling cannot follow `?worker` and the dev server exits
 * (https://github.com/graphql/graphiql/issues/4038). Imported before GraphiQL.
 */
import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

const environment: Environment = {
  getWorker(_workerId, label) {
    if (label === 'graphql') return new GraphQLWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};
window.MonacoEnvironment = environment;
