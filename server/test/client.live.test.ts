/**
 * The web client's live-presence logic (client/src/features/live): read
 * receipts from read pointers, typing text, optimistic reactions; and a guard
 * that every client document stays within the server's static cost limit as
 * Apollo sends it (with `__typename` added). Lives here so the root
 * `vitest run` picks it up; it needs no database.
 */
import { readFileSync } from 'node:fs';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { buildSchema, type DocumentNode, validate } from 'graphql';
import { describe, expect, test } from 'vitest';
import { toggled } from '../../client/src/features/live/reactions.ts';
import { readPointers, receiptsFor, receiptText } from '../../client/src/features/live/receipts.ts';
import { typingText } from '../../client/src/features/live/typing.ts';
import type { LiveMessage_MessageFragment } from '../../client/src/gql/graphql.ts';
import * as generated from '../../client/src/gql/graphql.ts';
import { loadConfig } from '../src/config.ts';
import { costRule } from '../src/graphql/limits.ts';

const ME = { id: 'me', isMe: true };
const BOB = { id: 'bob', displayName: 'Bob' };
const CAROL = { id: 'carol', displayName: 'Carol' };

function msg(
  seq: number,
  sender: { id: string; isMe?: boolean },
  readBy: { id: string; displayName: string }[] = [],
  extra: Partial<LiveMessage_MessageFragment> = {},
): LiveMessage_MessageFragment {
  return {
    id: `m${seq}`,
    seq,
    kind: 'USER',
    deletedAt: null,
    sender: { id: sender.id, isMe: sender.isMe ?? false },
    readCount: readBy.length,
    readBy: readBy.map((user) => ({ user, readAt: '2026-11-21T10:00:00.000Z' })),
    reactions: [],
    ...extra,
  } as LiveMessage_MessageFragment;
}

describe('read receipts from pointers', () => {
  test('a receipt shows only on my newest message each reader reached, and moves forward with live receipts', () => {
    const messages = [msg(1, ME, [BOB]), msg(2, ME, [BOB]), msg(3, ME)];
    const loaded = receiptsFor(messages, readPointers(messages, new Map()));
    expect([...loaded.keys()]).toEqual(['m2']);
    expect(receiptText(loaded.get('m2')!, true)).toBe('Seen');

    // A live ReadReceipt moves Bob's pointer: the receipt moves to the newer message.
    const live = new Map([['bob', { ...BOB, seq: 3, readAt: null }]]);
    expect([...receiptsFor(messages, readPointers(messages, live)).keys()]).toEqual(['m3']);

    // So does a message from Bob (he shares receipts: he is in readBy), without a ReadReceipt.
    const withReply = [...messages, msg(4, BOB)];
    expect([...receiptsFor(withReply, readPointers(withReply, new Map())).keys()]).toEqual(['m3']);
  });

  test('a reader who withdrew their receipts is neither named nor counted where they had read', () => {
    const messages = [msg(1, ME, [BOB, CAROL]), msg(2, ME, [BOB])];
    const pointers = readPointers(messages, new Map());
    expect(receiptText(receiptsFor(messages, pointers).get('m1')!, false)).toBe('Read by Bob and Carol');
    const hidden = receiptsFor(messages, pointers, new Set(['bob']));
    expect([...hidden.keys()]).toEqual(['m1']);
    expect(receiptText(hidden.get('m1')!, false)).toBe('Read by Carol');
    // In a direct room: no "Seen" left at all.
    const dm = [msg(1, ME, [BOB])];
    expect(receiptsFor(dm, readPointers(dm, new Map()), new Set(['bob'])).size).toBe(0);
  });

  test('a late, lower receipt never moves a pointer backwards', () => {
    const messages = [msg(1, ME, [BOB]), msg(2, ME, [BOB])];
    const stale = new Map([['bob', { ...BOB, seq: 1, readAt: null }]]);
    expect([...receiptsFor(messages, readPointers(messages, stale)).keys()]).toEqual(['m2']);
  });

  test('someone never seen sharing receipts does not become a reader by sending a message', () => {
    const messages = [msg(1, ME), msg(2, CAROL)];
    expect(receiptsFor(messages, readPointers(messages, new Map())).size).toBe(0);
  });

  test('groups name one or two readers and count more; deleted messages carry none', () => {
    const one = [msg(1, ME, [BOB])];
    expect(receiptText(receiptsFor(one, readPointers(one, new Map())).get('m1')!, false)).toBe('Read by Bob');
    const two = [msg(1, ME, [BOB, CAROL])];
    expect(receiptText(receiptsFor(two, readPointers(two, new Map())).get('m1')!, false)).toMatch(
      /^Read by (Bob and Carol|Carol and Bob)$/,
    );
    // readBy is capped (first: 3): readCount gives the total.
    const many = [msg(1, ME, [BOB, CAROL], { readCount: 7 })];
    expect(receiptText(receiptsFor(many, readPointers(many, new Map())).get('m1')!, false)).toBe('Read by 7');
    const deleted = [msg(1, ME, [BOB], { deletedAt: '2026-11-21T10:00:00.000Z' })];
    expect(receiptsFor(deleted, readPointers(deleted, new Map())).size).toBe(0);
  });
});

describe('typing and reactions', () => {
  test('typing text for nobody, one, two and several people', () => {
    expect(typingText([])).toBe('');
    expect(typingText([BOB])).toBe('Bob is typing…');
    expect(typingText([BOB, CAROL])).toBe('Bob and Carol are typing…');
    expect(typingText([BOB, CAROL, { id: 'd', displayName: 'Dan' }])).toBe('Several people are typing…');
  });

  test('an optimistic toggle adds to a count, creates a group, and removes an emptied one', () => {
    const groups = [{ emoji: '👍', count: 1, reactedByMe: false }];
    expect(toggled(groups, '👍', true)).toEqual([{ emoji: '👍', count: 2, reactedByMe: true }]);
    expect(toggled(groups, '🎉', true)).toMatchObject([
      groups[0],
      { emoji: '🎉', count: 1, reactedByMe: true },
    ]);
    expect(toggled([{ emoji: '👍', count: 1, reactedByMe: true }], '👍', false)).toEqual([]);
    // Idempotent like the server: adding twice or removing what is not mine changes nothing.
    expect(toggled([{ emoji: '👍', count: 1, reactedByMe: true }], '👍', true)).toEqual([
      { emoji: '👍', count: 1, reactedByMe: true },
    ]);
    expect(toggled(groups, '👍', false)).toEqual(groups);
  });
});

describe('client documents', () => {
  test('every operation stays within the server cost limit as Apollo sends it', () => {
    const config = loadConfig({ NODE_ENV: 'test' }, { databaseUrl: 'postgres://unused' });
    const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    const rule = costRule(config.graphqlMaxCost, config.graphqlListCostFactor);
    const operations = Object.entries(generated).filter(
      ([name, doc]) =>
        name.endsWith('Document') &&
        (doc as DocumentNode).definitions?.some((d) => d.kind === 'OperationDefinition'),
    );
    expect(operations.length).toBeGreaterThan(10);
    const tooCostly = operations.flatMap(([name, doc]) =>
      validate(schema, addTypenameToDocument(doc as DocumentNode), [rule]).map(
        (e) => `${name}: ${e.message}`,
      ),
    );
    expect(tooCostly).toEqual([]);
  });
});
