import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestApp } from './app.ts';

export interface OutboxMail {
  file: string;
  raw: string;
  to: string;
  subject: string;
}

function parse(file: string, raw: string): OutboxMail {
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
  return { file, raw, to: header('To'), subject: header('Subject') };
}

export async function readOutbox(t: TestApp): Promise<OutboxMail[]> {
  const dir = path.join(t.config.dataDir, 'outbox');
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
  return Promise.all(files.map(async (f) => parse(f, await fs.readFile(path.join(dir, f), 'utf8'))));
}

/**
 * Waits until an email matching `predicate` is in the outbox (the email job
 * runs asynchronously in pg-boss). Polls the folder; fails after `timeoutMs`.
 */
export async function waitForMail(
  t: TestApp,
  predicate: (m: OutboxMail) => boolean,
  timeoutMs = 10_000,
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readOutbox(t)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching email in the outbox within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
