/**
 * The send trace behind `npm run bench -- fanout --stages`
 * (messages.send-trace.ts): with SEND_TRACE_FILE set, every sent message's
 * stages are marked in order and written to the file when the app closes;
 * without it nothing is kept.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { SEND_STAGES, type SendTraceRecord } from '../src/modules/messages/messages.send-trace.ts';
import { createTestApp } from './helpers/app.ts';
import { createGroup, registerTrio, send } from './helpers/chat.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-send-trace-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('send trace', () => {
  it('marks every stage of every send in order, with its statement size, and writes them on close', async () => {
    const file = path.join(dir, 'trace.json');
    // One statement at a time: sends that arrive meanwhile are written together.
    const t = await createTestApp({ env: { SEND_TRACE_FILE: file, SEND_BATCH_IN_FLIGHT: '1' } });
    const lone = uuidv7();
    const together = Array.from({ length: 20 }, () => uuidv7());
    try {
      const [alice, bob] = await registerTrio(t);
      const room = await createGroup(t, alice, [bob]);
      await send(t, alice, room.id, 'alone', { clientId: lone });
      await Promise.all(
        together.map((clientId, i) => send(t, i % 2 ? alice : bob, room.id, `m${i}`, { clientId })),
      );
      expect(t.app.deps.sendTrace.on).toBe(true);
    } finally {
      await t.close();
    }
    const records = new Map(
      (JSON.parse(readFileSync(file, 'utf8')) as SendTraceRecord[]).map((r) => [r.clientId, r]),
    );
    for (const id of [lone, ...together]) {
      const r = records.get(id);
      expect(r, id).toBeDefined();
      const times = SEND_STAGES.map((s) => r?.[s]);
      for (const at of times) expect(typeof at).toBe('number');
      // In the order the stages happen, on the same clock.
      expect([...(times as number[])].sort((a, b) => a - b)).toEqual(times);
      expect(Math.abs((times[0] as number) - Date.now())).toBeLessThan(60_000);
    }
    expect(records.get(lone)?.batch).toBe(1);
    const sizes = together.map((id) => records.get(id)?.batch ?? 0);
    // With one statement in flight, twenty concurrent sends cannot all be written alone.
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(together.length);
  });

  it('is off without SEND_TRACE_FILE: nothing is kept', async () => {
    const t = await createTestApp();
    try {
      const [alice, bob] = await registerTrio(t);
      const room = await createGroup(t, alice, [bob]);
      await send(t, alice, room.id, 'untraced');
      expect(t.app.deps.sendTrace.on).toBe(false);
      expect(t.app.deps.sendTrace.records()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
