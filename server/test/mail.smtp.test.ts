/**
 * Email through a real SMTP server (SMTP_URL), not the `.eml` outbox: an
 * in-process server from the `smtp-server` package receives what the email
 * job sends. A temporary refusal (451) is retried by pg-boss and the message
 * arrives exactly once; a permanent refusal is not retried forever.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { freePort } from './helpers/processes.ts';
import { registerUser } from './helpers/users.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let t: TestApp;
let server: SMTPServer;
const received: Received[] = [];
/** Recipients refused once with 451 (then accepted), and refused for good with 550. */
const refuseOnce = new Set<string>();
const refuseAlways = new Set<string>();
const attempts = new Map<string, number>();

beforeAll(async () => {
  const port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      attempts.set(to, (attempts.get(to) ?? 0) + 1);
      if (refuseAlways.has(to)) {
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      }
      if (refuseOnce.delete(to)) {
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_DELAY_SECONDS: '1' },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;

async function until<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('email over SMTP', () => {
  it('delivers a password reset through the SMTP server, with nothing written to the outbox', async () => {
    const u = await registerUser(t);
    await t.ok(REQUEST, { e: u.email });
    const mail = await until(
      () => received.find((m) => m.to.includes(u.email.toLowerCase())),
      'no email reached the SMTP server',
    );
    expect(mail.from).toBe('no-reply@parley.local');
    expect(mail.raw).toMatch(/^Subject: Reset your Parley password$/m);
    expect(mail.raw).toMatch(/reset code is: [A-Za-z0-9_-]+/);
    expect(mail.raw).toMatch(/^Message-ID: <[^>]+@127\.0\.0\.1>$/im);
    const outbox = await fs.readdir(path.join(t.config.dataDir, 'outbox')).catch(() => []);
    expect(outbox).toEqual([]);
  });

  it('retries a temporary refusal and delivers exactly once', async () => {
    const u = await registerUser(t);
    const to = u.email.toLowerCase();
    refuseOnce.add(to);
    await t.ok(REQUEST, { e: u.email });
    await until(() => received.find((m) => m.to.includes(to)), 'the retried email did not arrive');
    expect(attempts.get(to)).toBe(2); // refused once, then accepted
    // Give a duplicate every chance to show up: the job must be settled by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it('does not retry a permanent refusal (550), and logs it as a warning, not an error', async () => {
    const u = await registerUser(t);
    const to = u.email.toLowerCase();
    refuseAlways.add(to);
    const before = t.errorLogs.length;
    await t.ok(REQUEST, { e: u.email });
    const jobId = await until(async () => {
      const row = await sql<{ id: string; state: string }>`
        SELECT id, state FROM pgboss.job WHERE name = 'email.send' AND data->>'to' = ${u.email}`.execute(
        t.app.db,
      );
      const job = row.rows[0];
      return job && job.state === 'completed' ? job.id : undefined;
    }, 'the refused email job did not settle');
    expect(jobId).toBeTruthy();
    // Retries come after 1 s here: wait past that, then count the attempts.
    await new Promise((r) => setTimeout(r, 2500));
    expect(attempts.get(to)).toBe(1);
    expect(received.some((m) => m.to.includes(to))).toBe(false);
    expect(t.errorLogs.slice(before)).toEqual([]);
  });
});
