/**
 * Where file bytes live, behind a small interface (local disk now, object
 * storage later). Keys are generated here, never taken from clients, and are
 * checked against their format before touching the file system, so a key
 * cannot name anything outside the storage folder.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface Storage {
  /**
   * Streams `source` into a new object and returns its key once every byte is
   * durably written. If `source` fails (for example a size limit throws), the
   * partial object is removed and the error is rethrown: nothing is left behind.
   */
  put(
    source: AsyncIterable<Buffer> | Readable,
    options?: { suffix?: string },
  ): Promise<{ key: string; size: number }>;
  /** The object's bytes, or a slice of them. */
  createReadStream(key: string, range?: ByteRange): Readable;
  /** Size of the object, or null if it does not exist. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; harmless if it does not exist. */
  delete(key: string): Promise<void>;
}

const KEY_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.[a-z]{1,10})?$/;

/**
 * Local-disk storage under `root`: objects at `<root>/<first two key chars>/<key>`,
 * partial uploads in `<root>/tmp` until complete, then renamed into place
 * (atomic: readers never see half an object). Two app instances may share the
 * folder (docker-compose mounts one volume into both).
 */
export function localDiskStorage(root: string): Storage {
  const tmpDir = path.join(root, 'tmp');
  const pathOf = (key: string) => {
    if (!KEY_RE.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(source, options = {}) {
      const key = `${randomUUID()}${options.suffix ? `.${options.suffix}` : ''}`;
      const final = pathOf(key);
      await fs.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${key}.part`);
      let size = 0;
      try {
        const out = createWriteStream(tmp, { flags: 'wx' });
        await pipeline(
          source,
          async function* count(chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length;
              yield chunk;
            }
          },
          out,
        );
        await fs.mkdir(path.dirname(final), { recursive: true });
        await fs.rename(tmp, final);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
      return { key, size };
    },
    createReadStream(key, range) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async stat(key) {
      try {
        const s = await fs.stat(pathOf(key));
        return { size: s.size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}

const instances = new Map<string, Storage>();

/** The configured storage (one per uploads folder, shared by routes, services and jobs). */
export function storageFor(config: { uploadsDir: string }): Storage {
  let storage = instances.get(config.uploadsDir);
  if (!storage) {
    storage = localDiskStorage(config.uploadsDir);
    instances.set(config.uploadsDir, storage);
  }
  return storage;
}
