/**
 * What an upload really is: its type comes from its bytes (magic numbers via
 * file-type, plus our own text check), never from the file name or the
 * client's Content-Type. Only an allow-list of types is stored.
 */

import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { isImageType } from './files.model.ts';

/** Office documents: OOXML (detected inside the zip by file-type), OpenDocument, RTF. */
const OFFICE_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
]);

/** Whether a detected type may be stored: images, PDF, office documents, text, audio, video, zip. */
export function isAllowedType(mimeType: string): boolean {
  return (
    isImageType(mimeType) ||
    mimeType === 'application/pdf' ||
    mimeType === 'application/zip' ||
    mimeType === 'text/plain' ||
    OFFICE_TYPES.has(mimeType) ||
    mimeType.startsWith('audio/') ||
    mimeType.startsWith('video/')
  );
}

/** Bytes kept from the start of an upload for type detection and image headers. */
export const HEAD_BYTES = 256 * 1024;

/**
 * Watches an upload's bytes as they stream past, without keeping them: counts
 * them, hashes them (sha256), keeps the first HEAD_BYTES, and tracks whether
 * the whole thing could be plain text (valid UTF-8 across chunk boundaries, no
 * NUL bytes).
 */
export class UploadInspector {
  size = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private textual = true;
  /** An incomplete UTF-8 sequence at the end of the previous chunk. */
  private carry: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(Buffer.from(part)); // a copy: the source buffer may be pooled
      this.headLength += part.length;
    }
    if (this.textual) this.checkText(chunk);
  }

  private checkText(chunk: Buffer): void {
    if (chunk.includes(0)) {
      this.textual = false;
      return;
    }
    let data = chunk;
    if (this.carry.length > 0) {
      // Complete the sequence split by the previous chunk boundary.
      const need = utf8Length(this.carry[0] ?? 0) - this.carry.length;
      const joined = Buffer.concat([this.carry, chunk.subarray(0, need)]);
      this.carry = Buffer.alloc(0);
      if (joined.length < utf8Length(joined[0] ?? 0)) {
        this.carry = joined; // still incomplete (tiny chunks)
        return;
      }
      if (!isUtf8(joined)) {
        this.textual = false;
        return;
      }
      data = chunk.subarray(need);
    }
    const cut = incompleteTailStart(data);
    if (!isUtf8(data.subarray(0, cut))) {
      this.textual = false;
      return;
    }
    this.carry = Buffer.from(data.subarray(cut));
  }

  /** Whether the head is complete: type detection will not see more bytes than it has now. */
  headFull(): boolean {
    return this.headLength >= HEAD_BYTES;
  }

  /** No byte so far rules out plain text (the end may still do so). */
  textSoFar(): boolean {
    return this.textual;
  }

  /** The first bytes of the upload (at most HEAD_BYTES). */
  head(): Buffer {
    return Buffer.concat(this.headChunks, this.headLength);
  }

  /** Hex sha256 of everything seen; call once, at the end. */
  digest(): string {
    return this.hash.digest('hex');
  }

  /** Valid UTF-8 from start to end (nothing dangling) and no NUL bytes. */
  isText(): boolean {
    return this.textual && this.carry.length === 0 && this.size > 0;
  }
}

/** Length of the UTF-8 sequence a lead byte starts (1 for ASCII and for invalid leads). */
function utf8Length(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where an incomplete multi-byte sequence at the end of `buf` starts (buf.length when none). */
function incompleteTailStart(buf: Buffer): number {
  for (let i = buf.length - 1; i >= Math.max(0, buf.length - 4); i--) {
    const b = buf[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    return buf.length - i < utf8Length(b) ? i : buf.length;
  }
  return buf.length;
}

/** Text that a browser would treat as a document or code: HTML, SVG, XML. Not plain text. */
const MARKUP_START = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe|object|embed)\b/i;

export type Sniffed =
  | { ok: true; mimeType: string }
  | { ok: false; reason: string; detected: string | undefined };

/**
 * The upload's type from its first bytes (and the text check over all of
 * them). `claimedType` is the client's Content-Type for the part: it never
 * decides the type, but content contradicting a claimed image is refused (a
 * script or page posing as an image).
 */
export async function sniffType(
  head: Buffer,
  isText: boolean,
  claimedType: string | undefined,
): Promise<Sniffed> {
  const detected = (await fileTypeFromBuffer(head))?.mime.split(';')[0]?.trim();
  let mimeType = detected;
  if (!mimeType && isText) {
    const start = head
      .subarray(0, 1024)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (MARKUP_START.test(start))
      return { ok: false, reason: 'HTML, SVG and XML documents are not accepted', detected: 'text/html' };
    mimeType = 'text/plain';
  }
  if (!mimeType) return { ok: false, reason: 'This type of file is not accepted', detected: undefined };
  if (claimedType?.toLowerCase().startsWith('image/') && !isImageType(mimeType))
    return { ok: false, reason: 'The file claims to be an image but is not one', detected: mimeType };
  if (!isAllowedType(mimeType))
    return { ok: false, reason: `Files of type ${mimeType} are not accepted`, detected: mimeType };
  return { ok: true, mimeType };
}

const MAX_NAME_LENGTH = 200;

/**
 * A folder part as only a Windows path has it: a drive (`C:\`), a rooted or UNC
 * path (`\dir`, `\\server\share`), or a `.` / `..` segment next to a backslash.
 * Old Internet Explorer sent the whole local path (`C:\Users\me\file.txt`);
 * every current browser sends the base name alone, and there a backslash is an
 * ordinary character (macOS and Linux allow it in file names).
 */
const WINDOWS_PATH = /^(?:[A-Za-z]:[\\/]|\\)|(?:^|[\\/])\.{1,2}(?:\\|$)|\\\.{1,2}(?:[\\/]|$)/;

/**
 * A display name from the client's file name: the last path segment only, no
 * control or bidi-override characters, NFC, trimmed, at most 200 characters
 * with the extension kept. `/` always separates folders; `\` only in a name
 * that is a Windows path (see WINDOWS_PATH), so `a<\b>.txt` from a modern
 * browser stays whole. Storage never uses it: files live under random keys, so
 * a name cannot point anywhere; this is for what people see and save.
 */
export function sanitizeFileName(raw: string | undefined): string {
  // Invisible characters go first, so none can hide a path (`.\u0000./`) from the checks below.
  // Zero-width (non-)joiners stay: emoji sequences and Persian or Indic words need them.
  const visible = (raw ?? '').replace(/(?![\u200c\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
  const base = visible.split(WINDOWS_PATH.test(visible) ? /[/\\]/ : '/').pop() ?? '';
  let name = base.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/^\.+$/, '');
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = [...name.slice(0, name.length - ext.length)].slice(0, MAX_NAME_LENGTH - ext.length).join('') + ext;
  }
  return name || 'file';
}
