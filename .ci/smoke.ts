/**
 * Zero-set-up smoke test, as a new user runs it: `npm start` with no
 * DATABASE_URL/REDIS_URL (embedded PostgreSQL, in-memory pub/sub). Checks a
 * query, a subscription handshake, graceful shutdown, and that the account
 * survives a restart. Run by .ci/run; exits non-zero on failure.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-smoke-'));
await fs.chmod(dataDir, 0o755); // like a normal project folder (mkdtemp makes it private)
const port = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;

function start(): ChildProcess {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  // Own process group, so stop() can signal npm and the server together the way
  // Ctrl-C in a terminal does (npm's `sh -c` does not pass SIGTERM on to node).
  const child = spawn('npm', ['start', '--silent'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Echo the output, and keep every error-level line (pino level 50+): a
  // clean start, use and shutdown must not write one.
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) if (/^\{"level":(5|6)\d/.test(line)) errorLines.push(line);
    });
  }
  return child;
}

const errorLines: string[] = [];
function expectNoErrorLines(when: string) {
  if (errorLines.length > 0)
    throw new Error(`error-level log lines ${when}:\n${errorLines.map((l) => l.slice(0, 400)).join('\n')}`);
}

async function waitUp(child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode} before becoming ready`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function gql(query: string, variables: object = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the smoke test reads untyped answers
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function handshake(token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    ws.on('message', (m) => {
      resolve(JSON.parse(String(m)).type);
      ws.close(1000);
    });
    ws.on('error', reject);
    ws.on('close', (code) => reject(new Error(`closed ${code} before any message`)));
  });
}

async function stop(child: ChildProcess) {
  const exited = new Promise<string>((r) => child.once('exit', (code, signal) => r(signal ?? String(code))));
  process.kill(-child.pid!, 'SIGINT');
  const code = await Promise.race([
    exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 25_000)),
  ]);
  // npm re-raises the signal it received, so "SIGINT" is a clean exit too.
  if (!['0', 'SIGINT'].includes(code)) throw new Error(`npm start did not exit cleanly on SIGINT (${code})`);
  const left = execFileSync('ps', ['-eo', 'args'])
    .toString()
    .split('\n')
    .filter((l) => l.includes(dataDir));
  if (left.length) throw new Error(`processes left behind after shutdown:\n${left.join('\n')}`);
}

let child = start();
try {
  const t0 = Date.now();
  await waitUp(child, 120_000);
  console.log(
    `smoke: ready in ${Date.now() - t0} ms (first start, includes initdb and the client build if needed)`,
  );
  if ((await fetch(`${base}/graphiql`)).status !== 200) throw new Error('GraphiQL not served');
  // The web client at / is the production build (no React development runtime).
  const page = await (await fetch(`${base}/`)).text();
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(page)?.[1];
  if (!script) throw new Error('the web client is not served at /');
  const bundle = await (await fetch(new URL(script, base))).text();
  if (bundle.includes('jsxDEV')) throw new Error('npm start serves a development build of the web client');
  console.log(
    `smoke: the web client is served at / (production build, ${Math.round(bundle.length / 1024)} kB)`,
  );
  const reg = await gql(
    `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id username } } }`,
    {
      i: {
        email: 'smoke@example.com',
        username: 'smoke',
        password: 'smoke-test-password',
        displayName: 'Smoke',
        timeZone: 'UTC',
      },
    },
  );
  const me = await gql('{ me { username } }', {}, reg.register.accessToken);
  if (me.me.username !== 'smoke') throw new Error('me did not return the new user');
  const ack = await handshake(reg.register.accessToken);
  if (ack !== 'connection_ack') throw new Error(`subscription handshake answered ${ack}`);
  console.log('smoke: register, me and the WebSocket handshake work');
  await stop(child);
  expectNoErrorLines('during the first start, use and shutdown');
  console.log('smoke: graceful shutdown, nothing left running, no error lines');

  child = start();
  await waitUp(child, 60_000);
  const login = await gql(
    `mutation { login(input: { login: "smoke", password: "smoke-test-password" }) { user { username } } }`,
  );
  if (login.login.user.username !== 'smoke') throw new Error('account lost across restart');
  console.log('smoke: the account survived a restart');
  await stop(child);
  expectNoErrorLines('during the restart');
} catch (err) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {}
  await new Promise((r) => setTimeout(r, 500));
  console.error(err);
  process.exitCode = 1;
} finally {
  await fs.rm(dataDir, { recursive: true, force: true });
}
