/** Pure helpers for showing files: sizes, preview boxes, kinds, URLs, list previews. */

/**
 * A file's size for people to read: "12 bytes", "1.5 KB", "820 KB", "25.1 MB".
 * Three significant digits, rounded *up*, units of 1024: a size is never shown
 * smaller than it is, so with the server's limits (rounded down the same way,
 * `formatByteLimit` in server/src/modules/files/files.model.ts) a file over the
 * limit never reads as equal to it (26,214,608 bytes is "25.1 MB", the 25 MiB
 * limit "25 MB").
 */
export function humanSize(bytes: number, round: (n: number) => number = Math.ceil): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let unit = 0;
  let size = 1024;
  while (bytes >= size * 1024 && unit < units.length - 1) {
    unit += 1;
    size *= 1024;
  }
  const value = bytes / size;
  const scale = value < 10 ? 100 : value < 100 ? 10 : 1;
  const shown = round((bytes * scale) / size) / scale;
  // 1023.4 KB rounds up to 1024 KB: say 1 MB instead.
  if (shown >= 1024 && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${shown} ${units[unit]}`;
}

/** A limit in bytes for people to read, rounded *down* (as the server words it): never more than allowed. */
export function humanLimit(bytes: number): string {
  return humanSize(bytes, Math.floor);
}

/**
 * A signed file URL from the API, made relative when it points at `/files/` on
 * any host: this client is always served by the API server (or its dev proxy),
 * so the same origin works even when the server's PUBLIC_URL names another host
 * or port (e.g. `localhost` vs `127.0.0.1`), and `<a download>` keeps working
 * (browsers ignore it for cross-origin links).
 */
export function sameOriginFileUrl(url: string): string;
export function sameOriginFileUrl(url: string | null | undefined): string | null;
export function sameOriginFileUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    // Any base will do: only the path and query of a relative or absolute URL are kept.
    const parsed = new URL(url, 'http://parley.invalid');
    return parsed.pathname.startsWith('/files/') ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}

/** Largest box an image preview takes in the log (the server's thumbnails are at most 320 px). */
const PREVIEW_MAX_W = 320;
const PREVIEW_MAX_H = 240;
/**
 * Most a preview's longer side may be to its shorter one. A thinner image (a
 * 10 × 3000 strip, a long screenshot) fills a box of this shape, cropped
 * around its centre, as the server crops its thumbnail (THUMBNAIL_MAX_ASPECT
 * in server/src/modules/files/files.images.ts); a click shows all of it.
 */
export const PREVIEW_MAX_ASPECT = 3;
/** Shortest side of a preview: enough to see a tiny image and to hit it. */
const PREVIEW_MIN_SIDE = 48;

/**
 * The preview's size in CSS pixels, so the log reserves the space before the
 * image loads: the image's shape scaled to fit 320 × 240 (never enlarged),
 * then, for an image too thin or too small to see, widened to at most 3 : 1
 * and grown to at least 48 px a side. The image covers that box.
 */
export function previewSize(width: number | null, height: number | null): { width: number; height: number } {
  if (!width || !height) return { width: PREVIEW_MAX_W, height: PREVIEW_MAX_H };
  const scale = Math.min(1, PREVIEW_MAX_W / width, PREVIEW_MAX_H / height);
  let w = Math.max(width * scale, (height * scale) / PREVIEW_MAX_ASPECT);
  let h = Math.max(height * scale, w / PREVIEW_MAX_ASPECT);
  // At most 3 : 1 by now, so a 48 px short side leaves the long one at 144 px, inside the box.
  const grow = Math.max(1, PREVIEW_MIN_SIDE / Math.min(w, h));
  w *= grow;
  h *= grow;
  return { width: Math.round(w), height: Math.round(h) };
}

/** Whether an image is taller than a preview can show whole (its full view then scrolls). */
export const isTallImage = (width: number | null, height: number | null) =>
  !!width && !!height && height > width * PREVIEW_MAX_ASPECT;

/** What kind of file this is, for the icon's colour and label. */
export type FileKind =
  | 'image'
  | 'pdf'
  | 'document'
  | 'sheet'
  | 'slides'
  | 'text'
  | 'audio'
  | 'video'
  | 'archive'
  | 'other';

export function fileKind(mimeType: string, name = ''): FileKind {
  const type = mimeType.toLowerCase();
  const ext = name.toLowerCase().split('.').at(-1) ?? '';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf' || ext === 'pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type.includes('zip') || ext === 'zip') return 'archive';
  if (type.includes('spreadsheet') || type.includes('excel') || ['xls', 'xlsx', 'ods', 'csv'].includes(ext))
    return 'sheet';
  if (type.includes('presentation') || type.includes('powerpoint') || ['ppt', 'pptx', 'odp'].includes(ext))
    return 'slides';
  if (type.includes('word') || type.includes('opendocument.text') || ['doc', 'docx', 'odt'].includes(ext))
    return 'document';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

/** A one-line stand-in for a message that has files but no text: "Photo", "report.pdf", "3 files". */
export function attachmentsPreview(files: readonly { name: string; isImage: boolean }[]): string {
  const [first] = files;
  if (!first) return '';
  if (files.length > 1)
    return files.every((f) => f.isImage) ? `${files.length} photos` : `${files.length} files`;
  return first.isImage ? 'Photo' : first.name;
}
