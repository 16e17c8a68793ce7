/**
 * Names people see (display names, group titles) refuse characters that would
 * show them as something other than what they hold: bidirectional controls,
 * which reorder the text ("Ev\u202Eil" shows as "Evli"), and invisible ones
 * (zero-width spaces and the like). Legitimate text keeps working: right-to-left
 * scripts, emoji ZWJ sequences, combining marks. Bios refuse the bidirectional
 * controls only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { CREATE_GROUP, createGroup, RENAME } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
let me: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [me, other] = await Promise.all([registerUser(t), registerUser(t)]);
});
afterAll(() => t?.close());

const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName bio } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id displayName } } }`;
const UPDATE_ROOM = `mutation($r: ID!, $input: UpdateRoomInput!) { updateRoom(roomId: $r, input: $input) { title } }`;

/** Spoofing: each with the character the error names. */
const HIDDEN: [string, string][] = [
  ['Ev\u202Eil\u200B', 'U+202E'], // right-to-left override (shows "Evli"), then a zero-width space
  ['Admin\u2067 (staff)\u2069', 'U+2067'], // right-to-left isolate
  ['\u202BAlice', 'U+202B'], // right-to-left embedding
  ['Al\u200Bice', 'U+200B'], // zero-width space
  ['Al\u200Dice', 'U+200D'], // a joiner between Latin letters joins nothing
  ['Alice\u200C', 'U+200C'],
  ['Al\u2060ice', 'U+2060'], // word joiner
  ['Al\u00ADice', 'U+00AD'], // soft hyphen
  ['ad\uFE0Fmin', 'U+FE0F'], // a variation selector on a Latin letter
  ['\u3164', 'U+3164'], // Hangul filler: a blank "letter"
  ['Alice\u{E0041}', 'U+E0041'], // a tag outside a flag
];

/** Legitimate names, stored as given. */
const FINE = [
  'דוד כהן', // Hebrew
  'محمد علي', // Arabic
  'می\u200Cخواهم', // Persian with a zero-width non-joiner
  'र्\u200Dय', // Devanagari: virama + ZWJ (eyelash ra)
  '👩\u200D💻 Ada', // emoji ZWJ sequence
  '👨🏻\u200D👩🏼\u200D👧🏽 family',
  '🏳️\u200D🌈 Pride',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scot', // a subdivision flag (tag characters)
  '❤️ 1️⃣',
  'Jose\u0301 Zöe', // combining marks
  'דני\u200F (Danny)', // a right-to-left mark
];

describe('display names', () => {
  it('refuses bidirectional controls and invisible characters, naming the character', async () => {
    for (const [displayName, found] of HIDDEN) {
      const err = expectError(
        await t.gql(UPDATE, { input: { displayName } }, me.accessToken),
        'BAD_USER_INPUT',
      );
      expect(err.message, JSON.stringify(displayName)).toBe(
        `Display name must not contain invisible or text-direction control characters (found ${found})`,
      );
      expect(err.extensions.field).toBe('displayName');
    }
    // Sign-up as well, reported among the field errors.
    const err = expectError(
      await t.gql(REGISTER, {
        input: {
          email: 'spoof@example.com',
          username: 'spoofer',
          password: 'correct horse battery',
          displayName: 'Ev\u202Eil',
          timeZone: 'UTC',
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(err.extensions.fieldErrors).toEqual([
      {
        field: 'displayName',
        code: 'BAD_USER_INPUT',
        message:
          'Display name must not contain invisible or text-direction control characters (found U+202E)',
      },
    ]);
    expect(t.errorLogs).toEqual([]);
  });

  it('keeps right-to-left scripts, emoji sequences with joiners and combining marks', async () => {
    for (const displayName of FINE) {
      const r = await t.ok(UPDATE, { input: { displayName } }, me.accessToken);
      expect(r.updateProfile.displayName).toBe(displayName);
    }
    const r = await t.ok(REGISTER, {
      input: {
        email: 'coder@example.com',
        username: 'coder',
        password: 'correct horse battery',
        displayName: '👩\u200D💻 Noa נועה',
        timeZone: 'UTC',
      },
    });
    expect(r.register.user.displayName).toBe('👩\u200D💻 Noa נועה');
  });
});

describe('bios', () => {
  it('refuses bidirectional controls but keeps other invisible characters of free text', async () => {
    const err = expectError(
      await t.gql(UPDATE, { input: { bio: 'Visit https://evil\u202Emoc.knab' } }, me.accessToken),
      'BAD_USER_INPUT',
    );
    expect(err.message).toBe('Bio must not contain text-direction control characters (found U+202E)');
    expect(err.extensions.field).toBe('bio');
    // Thai marks word breaks with zero-width spaces; long words carry soft hyphens.
    const bio = 'สวัสดี\u200Bครับ\nDonau\u00ADdampf\u00ADschiff 👩\u200D💻 עברית';
    expect((await t.ok(UPDATE, { input: { bio } }, me.accessToken)).updateProfile.bio).toBe(bio);
  });
});

describe('group titles', () => {
  it('refuse the same characters when creating, renaming and updating a group', async () => {
    const room = await createGroup(t, me, [other], 'Team');
    for (const [title, found] of HIDDEN) {
      const message = `Title must not contain invisible or text-direction control characters (found ${found})`;
      for (const result of [
        await t.gql(CREATE_GROUP, { input: { title, memberIds: [other.id] } }, me.accessToken),
        await t.gql(RENAME, { r: room.id, t: title }, me.accessToken),
        await t.gql(UPDATE_ROOM, { r: room.id, input: { title } }, me.accessToken),
      ]) {
        const err = expectError(result, 'BAD_USER_INPUT');
        expect(err.message, JSON.stringify(title)).toBe(message);
        expect(err.extensions.field).toBe('title');
      }
    }
    for (const title of FINE)
      expect((await t.ok(RENAME, { r: room.id, t: title }, me.accessToken)).renameRoom.title).toBe(title);
    expect(t.errorLogs).toEqual([]);
  });
});
