/**
 * Plans of the hottest statement, the batched send, as the server's pooled
 * connections cache them: generic plans (a prepared statement runs one after
 * its first executions). A bad plan here is paid by every batch for as long
 * as the connection lives, and grows with the tables (the fanout benchmark
 * found one reading every room per batch: BENCHMARKS.md entry 30).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredStatements } from '../src/db/index.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { currentFileQuery } from '../src/modules/files/files.repository.ts';
import { listHistory } from '../src/modules/messages/messages.repository.ts';
import { pointingAtQuery } from '../src/modules/notifications/notifications.repository.ts';
import { readersOfRooms } from '../src/modules/receipts/receipts.repository.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
let client: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  // A deployment in use: thousands of rooms with their members and messages, analyzed.
  const id = (kind: string, g: string) => `md5('${kind}' || ${g})::uuid`;
  await client.query(`
    INSERT INTO users (id, email, username, display_name, password_hash, time_zone)
    SELECT ${id('u', 'g')}, 'plan' || g || '@example.com', 'plan' || g, 'Plan ' || g, 'x', 'UTC'
    FROM generate_series(1, 4000) g`);
  await client.query(`
    INSERT INTO rooms (id, kind, title) SELECT ${id('r', 'g')}, 'GROUP', 'Room ' || g FROM generate_series(1, 2000) g`);
  await client.query(`
    INSERT INTO room_members (room_id, user_id, role)
    SELECT ${id('r', '((g + 1) / 2)')}, ${id('u', 'g')}, 'MEMBER' FROM generate_series(1, 4000) g`);
  await client.query(`
    INSERT INTO messages (id, room_id, seq, kind, sender_id, client_id, body)
    SELECT ${id('m', 'g')}, ${id('r', '((g + 9) / 10)')}, (g - 1) % 10 + 1, 'USER', ${id('u', '((g + 4) / 5)')}, g::text, 'hello'
    FROM generate_series(1, 20000) g`);
  // Some messages with a reaction, some with a file attached.
  await client.query(`
    INSERT INTO message_reactions (message_id, user_id, emoji)
    SELECT ${id('m', 'g * 4')}, ${id('u', '((g * 4 + 4) / 5)')}, '👍' FROM generate_series(1, 5000) g`);
  await client.query(`
    INSERT INTO files (id, name, mime_type, size, sha256, storage_key, attached_at)
    SELECT ${id('f', 'g')}, 'f' || g || '.txt', 'text/plain', 1, 'x', 'plan/' || g, now() FROM generate_series(1, 2000) g`);
  await client.query(`
    INSERT INTO message_attachments (message_id, file_id, position)
    SELECT ${id('m', 'g * 10')}, ${id('f', 'g')}, 0 FROM generate_series(1, 2000) g`);
  await client.query(
    'ANALYZE users, rooms, room_members, messages, message_reactions, files, message_attachments',
  );
});
afterAll(async () => {
  await client?.end();
  await t?.close();
});

/** The generic plan of `text` for these arguments, as text. */
async function genericPlan(text: string, args: string): Promise<string> {
  await client.query('SET plan_cache_mode = force_generic_plan');
  await client.query(`PREPARE plan_check AS ${text}`);
  try {
    const { rows } = await client.query(`EXPLAIN (COSTS OFF) EXECUTE plan_check(${args})`);
    return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('DEALLOCATE plan_check');
  }
}

describe('the batched send statement', () => {
  it('finds its rows by index whatever the size of the tables, never by reading them whole', async () => {
    const texts = registeredStatements().filter(
      (s) => s.includes('INSERT INTO messages') && s.includes('$5::text[]'),
    );
    expect(texts).toHaveLength(1);
    const { rows } = await client.query('SELECT room_id, user_id FROM room_members LIMIT 2');
    const arr = (type: string, values: string[]) =>
      `ARRAY[${values.map((v) => `'${v}'`).join(',')}]::${type}[]`;
    const plan = await genericPlan(
      texts[0] as string,
      [
        arr('uuid', [uuidv7(), uuidv7()]),
        arr(
          'uuid',
          rows.map((r) => r.room_id),
        ),
        arr(
          'uuid',
          rows.map((r) => r.user_id),
        ),
        arr('text', [uuidv7(), uuidv7()]),
        arr('text', ['one', 'two']),
      ].join(', '),
    );
    expect(plan).not.toMatch(/Seq Scan on (rooms|room_members|messages|users)\b/);
  });
});

describe('the prepared reads of a history page', () => {
  it('read a page of messages and the room read pointers by index, never whole tables', async () => {
    const { rows } = await client.query<{ room_id: string; user_id: string }>(
      'SELECT room_id, user_id FROM room_members LIMIT 1',
    );
    const [{ room_id: roomId, user_id: userId }] = rows as [{ room_id: string; user_id: string }];
    // Run once each through the server's code, so their texts are registered as statements.
    await listHistory(t.app.db, { roomId, minSeq: 0, limit: 51, order: 'desc' });
    await listHistory(t.app.db, { roomId, minSeq: 0, beforeSeq: 5, limit: 51, order: 'desc' });
    await readersOfRooms(t.app.db, [roomId], userId);
    const texts = registeredStatements();
    const history = texts.filter((s) => s.includes('"has_reactions"') && s.includes('order by "seq" desc'));
    expect(history).toHaveLength(2);
    for (const text of history) {
      const params = (text.match(/\$\d+/g) ?? []).length;
      const args = [`'${roomId}'::uuid`, '0', '51', '5'].slice(0, params).join(', ');
      const plan = await genericPlan(text, args);
      expect(plan).not.toMatch(/Seq Scan on (messages|message_attachments|message_reactions)\b/);
      expect(plan).toMatch(/messages_room_seq_key/);
    }
    const readers = texts.filter((s) => s.includes('any($1::uuid[])') && s.includes('"last_read_seq"'));
    expect(readers).toHaveLength(1);
    const plan = await genericPlan(
      readers[0] as string,
      `ARRAY['${roomId}']::uuid[], 0, true, '${userId}'::uuid`,
    );
    expect(plan).not.toMatch(/Seq Scan on (room_members|users)\b/);
  });
});

describe('the index of replies', () => {
  it('holds replies only, and still serves the foreign key clearing replies to a deleted message', async () => {
    const { rows } = await client.query(
      "SELECT indexdef FROM pg_indexes WHERE indexname = 'messages_reply_to_idx'",
    );
    expect(rows[0]?.indexdef).toMatch(/WHERE \(reply_to_id IS NOT NULL\)/);
    // What ON DELETE SET NULL runs (RI_FKey_setnull_del), planned generically.
    const plan = await genericPlan(
      'UPDATE ONLY messages SET reply_to_id = NULL WHERE $1::uuid OPERATOR(pg_catalog.=) reply_to_id',
      `'${uuidv7()}'::uuid`,
    );
    expect(plan).toMatch(/messages_reply_to_idx/);
  });
});

describe('rewriting the notifications that quote an edited or deleted message', () => {
  it('finds them by index, however many notifications there are', async () => {
    await client.query(`
      INSERT INTO notifications (id, recipient_id, type, title, body, data, read_at)
      SELECT md5('n' || g)::uuid, md5('u' || ((g % 4000) + 1))::uuid, 'MESSAGE', 'Room', 'hi',
             jsonb_build_object('roomId', md5('r' || ((g % 2000) + 1))::uuid, 'messageId', md5('m' || g)::uuid),
             now() -- read: one unread MESSAGE notification per member and room at most
      FROM generate_series(1, 20000) g`);
    await client.query('ANALYZE notifications');
    // The statement `messageChanged` runs, as compiled.
    const { sql, parameters } = pointingAtQuery(t.app.deps.db, uuidv7()).compile();
    const plan = await genericPlan(sql, parameters.map((p) => `'${String(p)}'`).join(', '));
    expect(plan).toMatch(/notifications_message_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe('the full-text index on messages', () => {
  it('has no pending list, so no send pays for merging one', async () => {
    const { rows } = await client.query(
      "SELECT reloptions FROM pg_class WHERE relname = 'messages_search_idx'",
    );
    expect(rows[0]?.reloptions).toContain('fastupdate=off');
  });
});

describe('the signed download check', () => {
  it('finds the file and whether a live message or a picture uses it by index, never whole tables', async () => {
    const { rows } = await client.query<{ file_id: string }>(
      'SELECT file_id FROM message_attachments LIMIT 1',
    );
    const fileId = (rows[0] as { file_id: string }).file_id;
    const { sql, parameters } = currentFileQuery(t.app.db, fileId).compile();
    expect(parameters).toEqual([fileId]);
    const plan = await genericPlan(sql, `'${fileId}'::uuid`);
    expect(plan).not.toMatch(/Seq Scan on (files|message_attachments|messages|users|rooms)\b/);
    expect(plan).toMatch(/message_attachments_file_idx/);
    expect(plan).toMatch(/users_avatar_file_idx/);
    expect(plan).toMatch(/rooms_avatar_file_idx/);
  });
});
