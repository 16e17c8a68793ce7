/**
 * Large text answers leave as UTF-8 bytes, encoded once (BENCHMARKS.md,
 * entry 70). Given a string, Fastify scans it for its Content-Length
 * (`Buffer.byteLength`), then Node joins it to the header and encodes it
 * again as it writes. For the room list's 57 KB answer those two passes were
 * 6.9 % and 10.5 % of the samples. Encoding into one reused scratch buffer costs about
 * 2 µs and gives the exact length as it goes, and a copy of that many bytes
 * is then the body (with a Buffer, Fastify takes its length as it is).
 *
 * The scratch buffer is used synchronously and never leaves this module:
 * each body is its own allocation, so a slow client holding its answer holds
 * nothing else. Short strings are left to Node: a copy costs more than the
 * scan there.
 */

/** Strings shorter than this (in UTF-16 code units) are sent as they are. */
export const MIN_ENCODED_UNITS = 4_096;
/** Bytes of the scratch buffer. A UTF-16 code unit is at most 3 bytes of UTF-8. */
const SCRATCH_BYTES = 1 << 20;
/** Strings longer than this are sent as they are: they might not fit the scratch buffer. */
const MAX_ENCODED_UNITS = Math.floor(SCRATCH_BYTES / 3);

let scratch: Buffer | undefined;

/** `text` as UTF-8 bytes when it is long enough to gain from it; otherwise `text` itself. */
export function utf8Body(text: string): Buffer | string {
  if (text.length < MIN_ENCODED_UNITS || text.length > MAX_ENCODED_UNITS) return text;
  scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const length = scratch.write(text, 0, 'utf8');
  return Buffer.copyBytesFrom(scratch, 0, length);
}
