/**
 * Short-lived signed download URLs, so that `<img src>` and plain links work
 * without an Authorization header. The GraphQL API hands them out only to
 * viewers allowed to see the file; the signature (HMAC-SHA256 with a key
 * derived from the server secret) covers the file id, the variant and the
 * expiry. Expiries are rounded up to a bucket so the same URL is handed out
 * for a while and browsers can cache the image.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';

export type FileVariant = 'original' | 'thumbnail';

type SigningConfig = Pick<Config, 'jwtSecret' | 'fileUrlTtlSeconds' | 'publicUrl'>;

const keys = new Map<string, Buffer>();
function keyOf(config: SigningConfig): Buffer {
  let key = keys.get(config.jwtSecret);
  if (!key) {
    // A key of its own: a download signature can never be confused with a JWT or another token.
    key = createHmac('sha256', config.jwtSecret).update('parley:file-url:v1').digest();
    keys.set(config.jwtSecret, key);
  }
  return key;
}

const mac = (config: SigningConfig, fileId: string, variant: FileVariant, exp: number) =>
  createHmac('sha256', keyOf(config)).update(`${fileId}\n${variant}\n${exp}`).digest();

/** Path of a file variant (no query). */
export const filePath = (fileId: string, variant: FileVariant) =>
  variant === 'thumbnail' ? `/files/${fileId}/thumbnail` : `/files/${fileId}`;

/** `{ exp, sig }` for a variant, valid for at least `fileUrlTtlSeconds` from `now`. */
export function signFile(config: SigningConfig, fileId: string, variant: FileVariant, now = Date.now()) {
  const ttl = config.fileUrlTtlSeconds;
  const bucket = Math.max(1, Math.floor(ttl / 6));
  const exp = Math.ceil((Math.floor(now / 1000) + ttl) / bucket) * bucket;
  return { exp, sig: mac(config, fileId, variant, exp).toString('base64url') };
}

/** Absolute signed URL of a file variant (PUBLIC_URL + path + `?exp=&sig=`). */
export function signedFileUrl(config: SigningConfig, fileId: string, variant: FileVariant, now = Date.now()) {
  const { exp, sig } = signFile(config, fileId, variant, now);
  return `${config.publicUrl}${filePath(fileId, variant)}?exp=${exp}&sig=${sig}`;
}

/** The signed thumbnail URL of an avatar (a user's or a room's), null without one. */
export const avatarUrl = (config: SigningConfig, fileId: string | null | undefined) =>
  fileId ? signedFileUrl(config, fileId, 'thumbnail') : null;

/** True when `sig` signs (fileId, variant, exp) and `exp` has not passed. */
export function verifyFileSignature(
  config: SigningConfig,
  fileId: string,
  variant: FileVariant,
  exp: string | undefined,
  sig: string | undefined,
  now = Date.now(),
): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  const expires = Number(exp);
  if (expires * 1000 <= now) return false;
  // Compare the text, not the decoded bytes: the last base64url character of a
  // 32-byte MAC carries two padding bits that decoding ignores, so several
  // spellings decode to the same bytes. Only the one we hand out is accepted.
  const given = Buffer.from(sig);
  const expected = Buffer.from(mac(config, fileId, variant, expires).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
