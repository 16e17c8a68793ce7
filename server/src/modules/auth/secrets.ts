import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token, URL-safe. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256 digests: a database leak does not leak usable tokens. */
export function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
