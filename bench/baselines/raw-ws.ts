/**
 * The practical ceiling: a minimal raw `ws` chat server doing the least any
 * chat server must do, and nothing else.
 *
 * - WebSocket `/ws`: the first frame is `{type:'auth', token, roomId}`; the
 *   token is an HS256 JWT verified with node:crypto (same secret and claims as
 *   Parley's), then the socket joins the room and gets `{type:'ready'}`.
 * - `POST /send` `{roomId, clientId, body}` with `Authorization: Bearer`:
 *   verifies the token, inserts the row into PostgreSQL (its own table, one
 *   INSERT … RETURNING), then serialises the event once and writes the same
 *   JSON to every socket of the room.
 *
 * - `PUT /pages/<name>` stores a response body (any JSON) in memory; `POST
 *   /pages/<name>` with `Authorization: Bearer` verifies the token, parses the
 *   request body as JSON (a GraphQL server must read its query) and answers
 *   that page, serialised again for every request. This is the ceiling of a
 *   read served from memory (the `*-raw` benchmarks of the queries scenario):
 *   Parley's room list is served from memory too, so what separates the two
 *   is GraphQL.
 *
 * No membership check, no sequence per room, no GraphQL: that is the point.
 * Env: PORT, DATABASE_URL, JWT_SECRET, DATABASE_POOL_SIZE (default 10, as Parley).
 */
// Parley's own V8 flags (its new JSON serialiser among them): a ceiling that serialised more
// slowly than Parley does would flatter the ratios.
import '../../server/src/v8-flags.ts';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import { verifyJwt } from '../lib/jwt.ts';

const port = Number(process.env.PORT ?? 4100);
const secret = process.env.JWT_SECRET ?? '';
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

await pool.query(`CREATE TABLE IF NOT EXISTS raw_messages (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL,
  room_id uuid NOT NULL,
  sender_id uuid NOT NULL,
  client_id text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sender_id, client_id)
)`);

const rooms = new Map<string, Set<WebSocket>>();
/** Response bodies for `POST /pages/<name>`, stored by `PUT /pages/<name>`. */
const pages = new Map<string, unknown>();

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/healthz') return send(res, 200, { status: 'ok' });
    const page = /^\/pages\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    if (page && req.method === 'PUT') {
      pages.set(page, JSON.parse(await readBody(req)));
      return send(res, 200, { stored: page });
    }
    if (req.method !== 'POST' || (req.url !== '/send' && !page))
      return send(res, 404, { error: 'not found' });
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? verifyJwt(token, secret) : undefined;
    if (!claims || typeof claims.sub !== 'string') return send(res, 401, { error: 'unauthenticated' });
    if (page) {
      JSON.parse(await readBody(req));
      const body = pages.get(page);
      return body === undefined ? send(res, 404, { error: 'no such page' }) : send(res, 200, body);
    }
    const input = JSON.parse(await readBody(req)) as { roomId?: string; clientId?: string; body?: string };
    if (!input.roomId || !input.clientId || !input.body) return send(res, 400, { error: 'bad input' });
    const { rows } = await pool.query<{ id: string; seq: string; created_at: Date }>(
      `INSERT INTO raw_messages (id, room_id, sender_id, client_id, body) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, seq, created_at`,
      [randomUUID(), input.roomId, claims.sub, input.clientId, input.body],
    );
    const row = rows[0];
    if (!row) return send(res, 500, { error: 'insert failed' });
    const event = {
      type: 'message',
      id: row.id,
      roomId: input.roomId,
      seq: Number(row.seq),
      senderId: claims.sub,
      body: input.body,
      createdAt: row.created_at.toISOString(),
    };
    const frame = JSON.stringify(event);
    for (const ws of rooms.get(input.roomId) ?? []) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    send(res, 200, { id: row.id, seq: event.seq });
  } catch (err) {
    send(res, 500, { error: (err as Error).message });
  }
});

const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (ws) => {
  let room: string | undefined;
  ws.once('message', (data) => {
    try {
      const msg = JSON.parse(data.toString()) as { type?: string; token?: string; roomId?: string };
      const claims = msg.type === 'auth' && msg.token ? verifyJwt(msg.token, secret) : undefined;
      if (!claims || !msg.roomId) return ws.close(4401, 'unauthenticated');
      room = msg.roomId;
      const set = rooms.get(room) ?? new Set<WebSocket>();
      rooms.set(room, set);
      set.add(ws);
      ws.send(JSON.stringify({ type: 'ready' }));
    } catch {
      ws.close(4400, 'bad message');
    }
  });
  ws.on('close', () => {
    if (room) rooms.get(room)?.delete(ws);
  });
});

server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');

const shutdown = () => {
  for (const ws of wss.clients) ws.close(1001, 'shutting down');
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
