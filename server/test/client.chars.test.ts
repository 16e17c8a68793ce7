/**
 * The web client's text-limit helpers (client/src/ui/chars.ts): they count
 * as the server does (code points, server/src/lib/chars.ts), and the client's
 * limits are the server's numbers. Lives here so the root `vitest run` picks
 * it up; it needs no database.
 */
import { describe, expect, test } from 'vitest';
import {
  charCount,
  counterLabel,
  LIMITS,
  lengthError,
  longerThan,
  oneLine,
  tooLongMessage,
} from '../../client/src/ui/chars.ts';
import { lengthErrors } from '../../client/src/ui/forms.ts';
import { loadConfig } from '../src/config.ts';
import * as serverChars from '../src/lib/chars.ts';
import {
  AGENDA_MAX,
  COMMENT_MAX,
  LOCATION_MAX,
  REASON_MAX,
} from '../src/modules/meetings/meetings.service.ts';
import { normalizeBody } from '../src/modules/messages/messages.validation.ts';
import { normalizeTitle } from '../src/modules/rooms/rooms.validation.ts';
import { MAX_QUERY_LENGTH } from '../src/modules/users/users.service.ts';
import {
  normalizeBio,
  normalizeDisplayName,
  normalizeUsername,
} from '../src/modules/users/users.validation.ts';

const EMOJI = '😀'; // U+1F600: one character, two UTF-16 units
const emoji = (n: number) => EMOJI.repeat(n);

describe('client text limits', () => {
  test('counts code points, not UTF-16 units: an emoji is one character', () => {
    expect(emoji(3).length).toBe(6);
    expect(charCount(emoji(3))).toBe(3);
    expect(charCount('')).toBe(0);
    expect(charCount('a😀b𠀀c')).toBe(5); // an astral CJK character is one too
    // A family emoji is several code points joined: counted as the server counts it.
    expect(charCount('👨‍👩‍👧')).toBe(5);
  });

  test('agrees with the server’s count, lone surrogates included', () => {
    const samples = [
      '',
      'plain',
      emoji(7),
      'x\uD83D',
      '\uDE00y',
      '\uDE00\uD83D',
      `${EMOJI}\uD83D${EMOJI}`,
      'é',
    ];
    for (const s of samples) expect(charCount(s), JSON.stringify(s)).toBe(serverChars.charCount(s));
  });

  test('an emoji text longer than half the limit but within it fits; one more is too long', () => {
    for (const max of [80, 500, 4000]) {
      expect(emoji(max).length).toBe(2 * max); // what `maxLength` would have cut at max / 2
      expect(longerThan(emoji(max), max)).toBe(false);
      expect(lengthError(emoji(max), max)).toBeUndefined();
      expect(longerThan(emoji(max + 1), max)).toBe(true);
      expect(lengthError(emoji(max + 1), max)).toBe(tooLongMessage(max));
      expect(longerThan(emoji(max + 1), max)).toBe(serverChars.longerThan(emoji(max + 1), max));
    }
  });

  test('one-line names are measured after trimming and collapsing spaces, as the server stores them', () => {
    expect(oneLine('  Ada   \n Lovelace ')).toBe('Ada Lovelace');
    const padded = `${emoji(40)}     ${emoji(39)}`; // 84 code points typed, 80 stored
    expect(longerThan(padded, 80)).toBe(true);
    expect(longerThan(oneLine(padded), 80)).toBe(false);
    expect(() => normalizeDisplayName(padded)).not.toThrow();
  });

  test('the counter shows near the limit and says how many too many', () => {
    expect(counterLabel(0, 4000)).toBeUndefined();
    expect(counterLabel(3599, 4000)).toBeUndefined();
    expect(counterLabel(3600, 4000)).toBe('3600 / 4000 characters');
    expect(counterLabel(4000, 4000)).toBe('4000 / 4000 characters');
    expect(counterLabel(4012, 4000)).toBe('4012 / 4000 characters: 12 too many');
  });

  test('lengthErrors puts a message on each field over its limit, and nothing when all fit', () => {
    expect(lengthErrors({ displayName: [emoji(80), 80], bio: [emoji(500), 500] })).toBeUndefined();
    expect(lengthErrors({ displayName: [emoji(81), 80], bio: [emoji(500), 500] })).toEqual({
      fields: { displayName: 'Too long: at most 80 characters.' },
    });
  });

  test('the client’s limits are the server’s', () => {
    const fits = (normalize: (s: string) => unknown, text: string) => {
      try {
        normalize(text);
        return true;
      } catch {
        return false;
      }
    };
    // At the limit in emoji the server accepts; one more it refuses.
    const check = (max: number, normalize: (s: string) => unknown, unit = EMOJI) => {
      expect(fits(normalize, unit.repeat(max))).toBe(true);
      expect(fits(normalize, unit.repeat(max + 1))).toBe(false);
    };
    check(LIMITS.displayName, normalizeDisplayName);
    check(LIMITS.bio, normalizeBio);
    check(LIMITS.roomTitle, normalizeTitle);
    check(LIMITS.username, normalizeUsername, 'a');
    const messageMax = loadConfig({ NODE_ENV: 'test' }).messageMaxLength;
    expect(LIMITS.message).toBe(messageMax);
    check(LIMITS.message, (s) => normalizeBody(s, messageMax));
    expect(LIMITS.meetingLocation).toBe(LOCATION_MAX);
    expect(LIMITS.meetingAgenda).toBe(AGENDA_MAX);
    expect(LIMITS.meetingReason).toBe(REASON_MAX);
    expect(LIMITS.reviewComment).toBe(COMMENT_MAX);
    expect(LIMITS.searchQuery).toBe(MAX_QUERY_LENGTH);
  });
});
