/** Pure helpers for showing files: sizes, preview boxes, kinds, URLs, list previews. */

/** "1.4 MB", "820 KB", "12 bytes". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
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

/** The preview's size in CSS pixels, so the log reserves the space before the image loads. */
export function previewSize(width: number | null, height: number | null): { width: number; height: number } {
  if (!width || !height) return { width: PREVIEW_MAX_W, height: PREVIEW_MAX_H };
  const scale = Math.min(1, PREVIEW_MAX_W / width, PREVIEW_MAX_H / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

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
