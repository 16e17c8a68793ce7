/**
 * Image geometry: an upload's dimensions as people see it (EXIF orientation
 * applied) and the box of its thumbnail.
 */
import type { Readable } from 'node:stream';
import sharp from 'sharp';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;

/**
 * Most a thumbnail's longer side may be to its shorter one. A very tall or very
 * wide image (a long screenshot, a 10 × 3000 strip) is cropped around its
 * centre to this shape, as chat apps do, rather than shrunk to a line one
 * pixel wide; the whole image stays a click away. The web client boxes
 * previews the same way (client/src/features/attachments/format.ts, `previewSize`).
 */
export const THUMBNAIL_MAX_ASPECT = 3;

/**
 * Width and height of an image as displayed (rotated by its EXIF orientation):
 * from `head` when its first bytes hold the header, else from the whole file.
 */
export async function orientedSize(
  head: Buffer,
  whole: () => Readable,
): Promise<{ width: number; height: number }> {
  try {
    const { width, height } = (await sharp(head).metadata()).autoOrient;
    if (width && height) return { width, height };
  } catch {
    // The header is further in than the head we kept (e.g. a JPEG with large EXIF): read it all.
  }
  const s = sharp();
  const source = whole();
  source.on('error', (err) => s.destroy(err));
  source.pipe(s);
  const { width, height } = (await s.metadata()).autoOrient;
  if (!width || !height) throw new Error('no dimensions');
  return { width, height };
}

/**
 * The thumbnail's size for an image of `width` × `height` (as displayed): its
 * centre cropped to at most THUMBNAIL_MAX_ASPECT : 1, then at most
 * THUMBNAIL_SIZE on the longer side, never enlarged.
 */
export function thumbnailBox(width: number, height: number): { width: number; height: number } {
  const w = Math.min(width, Math.round(height * THUMBNAIL_MAX_ASPECT)) || 1;
  const h = Math.min(height, Math.round(width * THUMBNAIL_MAX_ASPECT)) || 1;
  const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}
