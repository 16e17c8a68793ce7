/**
 * GraphiQL at /graphiql, built with the web client (client/graphiql.html is
 * its own Vite entry: none of this reaches the chat app's bundle) and served
 * by the API server when GRAPHIQL is on. Everything it loads comes from this
 * server: no CDN, so it works on a network without internet access.
 */
/// <reference types="vite/client" />
// (Vite's types: the stylesheet imports below.)
import './workers.ts';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createParleyFetcher } from './fetcher.ts';

const httpUrl = new URL('/graphql', window.location.href);
const wsUrl = new URL(httpUrl);
wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = createParleyFetcher({ httpUrl: httpUrl.href, wsUrl: wsUrl.href });

const DEFAULT_QUERY = `# Parley's GraphQL API. The book icon on the left opens the schema's documentation.
#
# 1. Sign in: fill in the login mutation below and run it (the ▶ button or Ctrl-Enter).
# 2. Copy its accessToken into Headers (under this editor):
#      {"Authorization": "Bearer <accessToken>"}
#    Queries and mutations send it over HTTP; subscriptions (over graphql-ws at
#    /graphql) send it in connection_init, and reconnect when it changes.
# 3. Access tokens are short-lived: run refreshSession (or login) for a new one.

mutation Login {
  login(input: { login: "you@example.com", password: "" }) {
    accessToken
    refreshToken
    user { id username }
  }
}

query Me {
  me { id username displayName }
}
`;

const root = document.getElementById('graphiql');
if (!root) throw new Error('graphiql.html has no #graphiql element');

createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);
