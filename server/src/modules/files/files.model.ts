import type { Selectable } from 'kysely';
import type { Files } from '../../db/schema.generated.ts';

/** Types shown inline (and thumbnailed); everything else downloads as an attachment. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export const isImageType = (mimeType: string) => IMAGE_TYPES.has(mimeType);

/** An uploaded file as the domain sees it (`Attachment` in GraphQL). */
export interface AttachmentModel {
  id: string;
  /** Null once the uploader's account is deleted. */
  uploaderId: string | null;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** Whether the thumbnail job has finished (thumbnailUrl is null until then). */
  hasThumbnail: boolean;
  createdAt: Date;
}

/** Every column of a file row. */
export type FileRow = Selectable<Files>;

export const FILE_COLUMNS = [
  'files.id',
  'files.uploader_id',
  'files.name',
  'files.mime_type',
  'files.size',
  'files.sha256',
  'files.storage_key',
  'files.width',
  'files.height',
  'files.thumbnail_key',
  'files.thumbnail_mime_type',
  'files.thumbnail_size',
  'files.created_at',
  'files.attached_at',
] as const;

export function fileRowToModel(row: FileRow): AttachmentModel {
  return {
    id: row.id,
    uploaderId: row.uploader_id,
    name: row.name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    hasThumbnail: row.thumbnail_key !== null,
    createdAt: row.created_at,
  };
}

/** A short text for a message that has files but no text (notification previews). */
export function describeAttachments(files: readonly Pick<AttachmentModel, 'mimeType'>[]): string {
  if (files.length === 0) return '';
  const images = files.every((f) => isImageType(f.mimeType));
  if (files.length === 1) return images ? 'Sent a photo' : 'Sent a file';
  return images ? `Sent ${files.length} photos` : `Sent ${files.length} files`;
}

/**
 * A size limit for people to read ("25 MB", "4.5 MB"), rounded down to three
 * significant digits so it never overstates what is allowed. The web client
 * shows file sizes rounded up the same way (client/src/features/attachments/format.ts,
 * `humanSize`), so a file over the limit always reads as more than the limit,
 * never as "25 MB — at most 25 MB". Units of 1024, as there.
 */
export function formatByteLimit(bytes: number): string {
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
  return `${Math.floor((bytes * scale) / size) / scale} ${units[unit]}`;
}
