/**
 * Length limits count characters (Unicode code points, as PostgreSQL's
 * char_length does), not UTF-16 units: an emoji is one character, so people
 * writing emoji or supplementary-plane scripts get the documented limit, not half.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charCount } from '../src/lib/chars.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { CREATE_GROUP, SEND } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

const EMOJI = '😀'; // one character, two UTF-16 units
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName bio } }`;

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
});
afterAll(async () => {
  await t?.close();
});

describe('text limits', () => {
  it('counts code points', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('abc')).toBe(3);
    expect(charCount(EMOJI.repeat(3))).toBe(3);
    expect(charCount('a\uD800b')).toBe(3); // a lone surrogate is one
    expect(charCount('𠀋x')).toBe(2);
  });

  it('takes a message, a title, a display name and a bio of exactly their limit in emoji, and refuses one more', async () => {
    const { createGroupRoom: room } = await t.ok(
      CREATE_GROUP,
      { input: { title: EMOJI.repeat(100), memberIds: [bob.id] } },
      alice.accessToken,
    );
    expect(charCount(room.title)).toBe(100);
    expectError(
      await t.gql(
        CREATE_GROUP,
        { input: { title: EMOJI.repeat(101), memberIds: [bob.id] } },
        alice.accessToken,
      ),
      'BAD_USER_INPUT',
    );

    const send = (body: string, clientId: string) =>
      t.gql(SEND, { input: { roomId: room.id, clientId, body } }, alice.accessToken);
    const sent = await send(EMOJI.repeat(4000), 'limit-ok');
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.body).toBe(EMOJI.repeat(4000));
    expectError(await send(EMOJI.repeat(4001), 'limit-over'), 'BAD_USER_INPUT');

    const profile = await t.ok(
      UPDATE_PROFILE,
      { input: { displayName: EMOJI.repeat(80), bio: EMOJI.repeat(500) } },
      alice.accessToken,
    );
    expect(profile.updateProfile).toEqual({ displayName: EMOJI.repeat(80), bio: EMOJI.repeat(500) });
    expectError(
      await t.gql(UPDATE_PROFILE, { input: { displayName: EMOJI.repeat(81) } }, alice.accessToken),
      'BAD_USER_INPUT',
    );
    expectError(
      await t.gql(UPDATE_PROFILE, { input: { bio: EMOJI.repeat(501) } }, alice.accessToken),
      'BAD_USER_INPUT',
    );
  });

  it('refuses a name or title with nothing visible (only zero-width or format characters)', async () => {
    for (const invisible of ['\u200B', '\u200B\u200D', '\u2060\uFEFF', '\u00AD']) {
      expectError(
        await t.gql(UPDATE_PROFILE, { input: { displayName: invisible } }, alice.accessToken),
        'BAD_USER_INPUT',
      );
      expectError(
        await t.gql(CREATE_GROUP, { input: { title: invisible, memberIds: [bob.id] } }, alice.accessToken),
        'BAD_USER_INPUT',
      );
    }
    // (A visible character no longer carries an invisible one: 'x\u200B' is refused, see users.names.test.ts.)
    for (const visible of ['x\u0301', '·', '😀', 'Ω']) {
      expect(
        (await t.ok(UPDATE_PROFILE, { input: { displayName: visible } }, alice.accessToken)).updateProfile
          .displayName,
      ).toBe(visible);
    }
  });
});

describe('Query.limits', () => {
  const LIMITS = `{ limits {
    messageMaxLength usernameMaxLength displayNameMaxLength bioMaxLength roomTitleMaxLength
    searchQueryMaxLength meetingLocationMaxLength meetingAgendaMaxLength meetingReasonMaxLength
    reviewCommentMaxLength uploadMaxBytes roomReplayMax
  } }`;

  it('tells anyone, signed in or not, the limits the checks enforce', async () => {
    const { limits } = await t.ok(LIMITS);
    expect(limits).toEqual({
      messageMaxLength: t.app.deps.config.messageMaxLength,
      usernameMaxLength: 32,
      displayNameMaxLength: 80,
      bioMaxLength: 500,
      roomTitleMaxLength: 100,
      searchQueryMaxLength: 100,
      meetingLocationMaxLength: 200,
      meetingAgendaMaxLength: 2000,
      meetingReasonMaxLength: 500,
      reviewCommentMaxLength: 2000,
      uploadMaxBytes: t.app.deps.config.uploadMaxBytes,
      roomReplayMax: t.app.deps.config.roomReplayMax,
    });
    // The published numbers are the enforced ones: a display name and a bio at their limit pass, one more fails.
    const name = EMOJI.repeat(limits.displayNameMaxLength);
    expect(
      (await t.ok(UPDATE_PROFILE, { input: { displayName: name } }, alice.accessToken)).updateProfile
        .displayName,
    ).toBe(name);
    expectError(
      await t.gql(
        UPDATE_PROFILE,
        { input: { bio: EMOJI.repeat(limits.bioMaxLength + 1) } },
        alice.accessToken,
      ),
      'BAD_USER_INPUT',
    );
  });

  it('follows MESSAGE_MAX_LENGTH', async () => {
    const small = await createTestApp({ env: { MESSAGE_MAX_LENGTH: '10' } });
    try {
      const { limits } = await small.ok('{ limits { messageMaxLength } }');
      expect(limits.messageMaxLength).toBe(10);
      const [carol, dan] = await Promise.all([registerUser(small), registerUser(small)]);
      const { createGroupRoom: room } = await small.ok(
        CREATE_GROUP,
        { input: { title: 'Small', memberIds: [dan.id] } },
        carol.accessToken,
      );
      const send = (body: string) =>
        small.gql(
          SEND,
          { input: { roomId: room.id, body, clientId: `c-${body.length}-${Math.random()}` } },
          carol.accessToken,
        );
      expect((await send(EMOJI.repeat(10))).errors).toBeUndefined();
      expectError(await send(EMOJI.repeat(11)), 'BAD_USER_INPUT');
    } finally {
      await small.close();
    }
  });
});
