import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { BLOCK, insertUsers, SEARCH, SEND } from './helpers/contacts.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
let me: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  me = await registerUser(t, { username: 'searcher', displayName: 'The Searcher' });
});
afterAll(() => t?.close());

interface Hit {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  contactStatus: string;
  blockedByMe: boolean;
}
interface Page {
  edges: { cursor: string; node: Hit }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const search = async (q: string, opts: { first?: number; after?: string | null } = {}, viewer = me) =>
  (await t.ok<{ searchUsers: Page }>(SEARCH, { q, ...opts }, viewer.accessToken)).searchUsers;
const usernames = async (q: string, viewer = me) =>
  (await search(q, { first: 100 }, viewer)).edges.map((e) => e.node.username);

/** Every hit for `q`, page by page. */
async function allPages(q: string, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const page: Page = await search(q, { first, after });
    seen.push(...page.edges.map((e) => e.node.username));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('searchUsers', () => {
  it('matches a username prefix, case-insensitively, exact match first', async () => {
    await insertUsers(t, [
      { username: 'ada' },
      { username: 'ada.byron', displayName: 'Lady Byron' },
      { username: 'adalbert' },
      { username: 'bada' },
    ]);
    expect(await usernames('ADA')).toEqual(['ada', 'ada.byron', 'adalbert']);
    expect(await usernames('  Ada.B ')).toEqual(['ada.byron']);
  });

  it('finds people by @username, as the app shows and mentions them', async () => {
    await insertUsers(t, [{ username: 'linus.t', displayName: 'Linus T' }, { username: 'linusx' }]);
    expect(await usernames('@linus.t')).toEqual(['linus.t']);
    expect(await usernames(' @Linus')).toEqual(['linus.t', 'linusx']);
    const page = await search('@linus.t');
    expect((await search('linus.t')).edges[0]?.cursor).toBe(page.edges[0]?.cursor);
    expectError(await t.gql(SEARCH, { q: ' @ ' }, me.accessToken), 'BAD_USER_INPUT');
  });

  it('treats _ and % in the query literally', async () => {
    await insertUsers(t, [{ username: 'und_score' }, { username: 'undxscore' }]);
    expect(await usernames('und_')).toEqual(['und_score']);
    expect(await usernames('und%')).toEqual([]);
  });

  it('matches the display name or any word of it, case-insensitively', async () => {
    await insertUsers(t, [{ username: 'gh1906', displayName: 'Grace Brewster Hopper' }]);
    expect(await usernames('grace b')).toEqual(['gh1906']);
    expect(await usernames('HOPP')).toEqual(['gh1906']);
    expect(await usernames('rewster')).toEqual([]);
  });

  it('matches an email prefix without revealing the email', async () => {
    await insertUsers(t, [{ username: 'quiet_one', displayName: 'Q', email: 'zed.secret@corp.example' }]);
    const page = await search('Zed.Sec');
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ username: 'quiet_one', email: null }),
    ]);
    expect(await usernames('zed.secret@corp.ex')).toEqual(['quiet_one']);
  });

  it('excludes the viewer and people who blocked them, but not people they blocked', async () => {
    expect(await usernames('searcher')).toEqual([]);
    const blocker = await registerUser(t, { username: 'srch_blocker' });
    const blockedByMe = await registerUser(t, { username: 'srch_blocked' });
    expect(await usernames('srch_')).toEqual(['srch_blocked', 'srch_blocker']);
    await t.ok(BLOCK, { id: me.id }, blocker.accessToken);
    await t.ok(BLOCK, { id: blockedByMe.id }, me.accessToken);
    const hits = (await search('srch_')).edges.map((e) => e.node);
    expect(hits).toEqual([expect.objectContaining({ username: 'srch_blocked', blockedByMe: true })]);
    // The blocker still finds the person they blocked.
    expect(await usernames('searcher', blocker)).toEqual(['searcher']);
  });

  it('reports each hit’s contact status for the viewer', async () => {
    const [x, y] = [
      await registerUser(t, { username: 'rel_x' }),
      await registerUser(t, { username: 'rel_y' }),
    ];
    await t.ok(SEND, { id: x.id }, me.accessToken);
    await t.ok(SEND, { id: me.id }, y.accessToken);
    const hits = (await search('rel_')).edges.map((e) => [e.node.username, e.node.contactStatus]);
    expect(hits).toEqual([
      ['rel_x', 'REQUEST_SENT'],
      ['rel_y', 'REQUEST_RECEIVED'],
    ]);
  });

  it('pages with cursors: no duplicates, no gaps, stable under inserts', async () => {
    const names = Array.from({ length: 23 }, (_, i) => `pgx_${String(i).padStart(2, '0')}`);
    await insertUsers(
      t,
      [...names, 'pgx'].map((username) => ({ username })),
    );
    const expected = ['pgx', ...names];
    expect(await allPages('pgx', 5)).toEqual(expected);
    expect(await allPages('PGX', 100)).toEqual(expected);

    // Someone registers between two pages: earlier positions do not shift later pages.
    const first = await search('pgx', { first: 10 });
    await insertUsers(t, [{ username: 'pgx_00a' }, { username: 'pgx_99' }]);
    const second = await search('pgx', { first: 100, after: first.pageInfo.endCursor });
    const seen = [...first.edges, ...second.edges].map((e) => e.node.username);
    expect(seen).toEqual([...expected, 'pgx_99']);
    expect(first.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[9]!.cursor,
    });
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses empty queries, bad page sizes and foreign or garbage cursors (BAD_USER_INPUT)', async () => {
    const bad = async (vars: Record<string, unknown>) =>
      expectError(await t.gql(SEARCH, vars, me.accessToken), 'BAD_USER_INPUT');
    await bad({ q: '' });
    await bad({ q: '   ' });
    await bad({ q: 'x'.repeat(101) });
    await bad({ q: '🔎'.repeat(101) });
    // The limit counts characters, as every text limit: 100 emoji are 200 UTF-16 units.
    expect(await usernames('🔎'.repeat(100))).toEqual([]);
    await bad({ q: 'ada', first: 0 });
    await bad({ q: 'ada', first: 101 });
    await bad({ q: 'ada', after: 'not-a-cursor' });
    const cursor = (await search('ada', { first: 1 })).pageInfo.endCursor;
    await bad({ q: 'pgx', after: cursor });
    expectError(await t.gql(SEARCH, { q: 'ada' }), 'UNAUTHENTICATED');
  });

  it('costs the same number of statements for 5 and 50 hits with contactStatus and blockedByMe', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ username: `nplus_${String(i).padStart(2, '0')}` }));
    const few = Array.from({ length: 5 }, (_, i) => ({ username: `nfew_${i}` }));
    const ids = await insertUsers(t, [...many, ...few]);
    // Give the viewer varied relationships so every branch of the loader is exercised.
    await t.ok(BLOCK, { id: ids[1]! }, me.accessToken);
    await t.ok(SEND, { id: ids[2]! }, me.accessToken);
    await t.ok(BLOCK, { id: ids[51]! }, me.accessToken);

    const statements = async (q: string, expectedHits: number, doc = SEARCH) => {
      const before = t.app.dbStats.queries;
      const page = (await t.ok<{ searchUsers: Page }>(doc, { q, first: 50 }, me.accessToken)).searchUsers;
      expect(page.edges).toHaveLength(expectedHits);
      return t.app.dbStats.queries - before;
    };
    const forFew = await statements('nfew_', 5);
    const forMany = await statements('nplus_', 50);
    expect(forMany).toBe(forFew);
    // contactStatus + blockedByMe for 50 people cost one statement in all.
    const bare = await statements(
      'nplus_',
      50,
      `query($q: String!, $first: Int) {
      searchUsers(query: $q, first: $first) { edges { node { id username } } } }`,
    );
    expect(forMany - bare).toBe(1);
  });
});
