import type { TestApp } from './app.ts';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let counter = 0;

/** Registers a user with unique credentials (override any field). */
export async function registerUser(
  t: TestApp,
  overrides: Partial<{
    username: string;
    email: string;
    password: string;
    displayName: string;
    timeZone: string;
  }> = {},
): Promise<TestUser> {
  counter += 1;
  const username = overrides.username ?? `user${process.pid}_${counter}`;
  const input = {
    email: overrides.email ?? `${username}@example.com`,
    username,
    password: overrides.password ?? 'correct horse battery',
    displayName: overrides.displayName ?? `User ${counter}`,
    timeZone: overrides.timeZone ?? 'Europe/Berlin',
  };
  const data = await t.ok<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
    { input },
  );
  return {
    id: data.register.user.id,
    username: input.username,
    email: input.email,
    password: input.password,
    accessToken: data.register.accessToken,
    refreshToken: data.register.refreshToken,
  };
}
