import sharp from 'sharp';
import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../plugins/jobs.ts';
import { orientedSize, thumbnailBox } from './files.images.ts';
import { isImageType } from './files.model.ts';
import * as repo from './files.repository.ts';
import { HEAD_BYTES } from './files.sniff.ts';
import { storageFor } from './files.storage.ts';

export const THUMBNAIL_JOB = 'files.thumbnail';
export const CLEANUP_JOB = 'files.cleanup';

/** The first `HEAD_BYTES` of a stored file (its header, for the dimensions). */
async function headOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Makes a WebP thumbnail for an uploaded image, off the request path so
 * uploads return fast: EXIF orientation applied, a very tall or wide image
 * cropped around its centre to at most 3 : 1 (THUMBNAIL_MAX_ASPECT), then at
 * most 320 px on the longer side, never enlarged. Idempotent: a file that is
 * gone or already has one is left alone, and a thumbnail that lost a race is removed.
 */
export function thumbnailJob(deps: Deps): JobDefinition<{ fileId: string }> {
  return {
    name: THUMBNAIL_JOB,
    queue: { retryLimit: 2, retryDelay: 5 },
    async handler({ fileId }) {
      const file = await repo.findFile(deps.db, fileId);
      if (!file || file.thumbnail_key || !isImageType(file.mime_type)) return;
      const storage = storageFor(deps.config);
      // Measured here rather than taken from the row: rows from before orientation was applied hold raw sizes.
      const head = await headOf(
        storage.createReadStream(file.storage_key, { start: 0, end: HEAD_BYTES - 1 }),
      );
      const size = await orientedSize(head, () => storage.createReadStream(file.storage_key));
      const box = thumbnailBox(size.width, size.height);
      const resize = sharp({ limitInputPixels: 100_000_000 })
        .rotate()
        .resize(box.width, box.height, { fit: 'cover', position: 'centre' })
        .webp({ quality: 80 });
      const source = storage.createReadStream(file.storage_key);
      source.on('error', (err) => resize.destroy(err));
      const stored = await storage.put(source.pipe(resize), { suffix: 'webp' });
      const saved = await repo
        .setThumbnail(deps.db, fileId, stored.key, 'image/webp', stored.size)
        .catch(async (err) => {
          await storage.delete(stored.key);
          throw err;
        });
      if (!saved) await storage.delete(stored.key); // deleted meanwhile, or another run won
    },
  };
}

/** How often the cleanup runs (cron, every 15 minutes). */
export const CLEANUP_CRON = '*/15 * * * *';

/**
 * Deletes uploads that were never attached to a message nor used as an avatar
 * within `uploadOrphanTtlSeconds` (default 24 h): rows first (in batches),
 * then their bytes. pg-boss runs it on a schedule, once across all instances.
 */
export function cleanupJob(deps: Deps): JobDefinition<{ maxAgeSeconds?: number }> {
  return {
    name: CLEANUP_JOB,
    queue: { retryLimit: 1, retryDelay: 60, policy: 'singleton' },
    async handler(data) {
      const maxAge = data?.maxAgeSeconds ?? deps.config.uploadOrphanTtlSeconds;
      const cutoff = new Date(Date.now() - maxAge * 1000);
      const storage = storageFor(deps.config);
      for (;;) {
        const deleted = await repo.deleteOrphans(deps.db, cutoff, 200);
        for (const f of deleted) {
          await storage.delete(f.storage_key);
          if (f.thumbnail_key) await storage.delete(f.thumbnail_key);
        }
        if (deleted.length > 0) deps.log.info({ count: deleted.length }, 'deleted orphaned uploads');
        if (deleted.length < 200) return;
      }
    },
  };
}

/** Registers the file jobs and the cleanup schedule (idempotent across instances). */
export async function defineFileJobs(deps: Deps): Promise<void> {
  await deps.jobs.define(thumbnailJob(deps));
  await deps.jobs.define(cleanupJob(deps));
  await deps.jobs.boss.schedule(CLEANUP_JOB, CLEANUP_CRON, {});
}
