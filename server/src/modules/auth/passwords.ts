import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * argon2id from Node's own crypto (no native addon). Parameters follow OWASP's
 * minimum (19 MiB, 2 passes, 1 lane) and are stored in the PHC string, so they
 * can be raised later without invalidating existing hashes.
 */
const DEFAULTS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };

function derive(password: string, salt: Buffer, p: typeof DEFAULTS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: password, nonce: salt, ...p }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULTS);
  return `$argon2id$v=19$m=${DEFAULTS.memory},t=${DEFAULTS.passes},p=${DEFAULTS.parallelism}$${b64(salt)}$${b64(key)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const m = PHC.exec(hash);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await derive(password, Buffer.from(m[4]!, 'base64'), {
    memory: Number(m[1]),
    passes: Number(m[2]),
    parallelism: Number(m[3]),
    tagLength: expected.length,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown accounts cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('parley-timing-equaliser');
  await verifyPassword(await dummy, password);
}
