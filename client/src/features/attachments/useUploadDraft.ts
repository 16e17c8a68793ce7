import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../apollo/ServicesProvider.tsx';
import { type UploadedFile, UploadFailure, uploadFile } from './upload.ts';

/** Most files one message may carry (SendMessageInput.attachmentIds). */
export const MAX_ATTACHMENTS = 10;

/** One file chosen for the next message. */
export interface DraftFile {
  /** Local key (the upload's id is only known once it is done). */
  key: string;
  name: string;
  size: number;
  type: string;
  status: 'uploading' | 'done' | 'failed';
  /** Bytes sent, 0–size. */
  loaded: number;
  uploaded?: UploadedFile;
  error?: string;
  /** An object URL for an image's preview in the tray, revoked on removal. */
  previewUrl?: string;
}

let counter = 0;

/**
 * Finished uploads left in a conversation's tray, by `draftKey` (user and
 * room), kept while the app runs as the text draft is (Composer.tsx): coming
 * back to the room finds them there, ready to send.
 */
const savedFiles = new Map<string, DraftFile[]>();

/**
 * The files attached to the message being written: each uploads as soon as it
 * is chosen, with its progress; any can be removed (cancelling its upload).
 * `take()` hands the finished uploads to the send and clears the tray.
 * Leaving the conversation cancels what is still uploading and keeps what is
 * done under `draftKey`, for when the viewer comes back.
 */
export function useUploadDraft(draftKey?: string) {
  const auth = useAuth();
  const [files, setFiles] = useState<DraftFile[]>([]);
  const aborts = useRef(new Map<string, AbortController>());
  const filesRef = useRef(files);
  filesRef.current = files;
  const keyRef = useRef(draftKey);
  keyRef.current = draftKey;

  // Back in the conversation (its key is known once the viewer is): its finished uploads return.
  useEffect(() => {
    const saved = draftKey ? savedFiles.get(draftKey) : undefined;
    if (!draftKey || !saved) return;
    savedFiles.delete(draftKey);
    if (filesRef.current.length > 0) return; // (StrictMode's second mount: already back)
    filesRef.current = saved;
    setFiles(saved);
  }, [draftKey]);
  const [notice, setNotice] = useState<string | undefined>();

  const patch = useCallback((key: string, change: Partial<DraftFile>) => {
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }, []);

  const add = useCallback(
    (chosen: readonly File[]) => {
      const room = MAX_ATTACHMENTS - filesRef.current.length;
      const accepted = chosen.slice(0, Math.max(0, room));
      setNotice(
        accepted.length < chosen.length
          ? `A message can carry at most ${MAX_ATTACHMENTS} files; ${chosen.length - accepted.length} not added.`
          : undefined,
      );
      const entries = accepted.map((file): DraftFile => {
        counter += 1;
        return {
          key: `upload-${counter}`,
          name: file.name,
          size: file.size,
          type: file.type,
          status: 'uploading',
          loaded: 0,
          previewUrl: /^image\/(png|jpeg|gif|webp)$/.test(file.type) ? URL.createObjectURL(file) : undefined,
        };
      });
      filesRef.current = [...filesRef.current, ...entries];
      setFiles((list) => [...list, ...entries]);
      entries.forEach((entry, i) => {
        const file = accepted[i] as File;
        const abort = new AbortController();
        aborts.current.set(entry.key, abort);
        uploadFile(auth, file, {
          signal: abort.signal,
          onProgress: (loaded) => patch(entry.key, { loaded: Math.min(loaded, entry.size) }),
        })
          .then(
            (uploaded) => patch(entry.key, { status: 'done', loaded: entry.size, uploaded }),
            (err: unknown) => {
              if (abort.signal.aborted) return;
              patch(entry.key, {
                status: 'failed',
                error: err instanceof UploadFailure ? err.message : 'The upload failed. Please try again.',
              });
            },
          )
          .finally(() => aborts.current.delete(entry.key));
      });
    },
    [auth, patch],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.abort();
    const gone = filesRef.current.find((f) => f.key === key);
    if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
    setNotice(undefined);
    setFiles((list) => list.filter((f) => f.key !== key));
  }, []);

  /** The finished uploads, in the order chosen; clears the tray (failed ones included). */
  const take = useCallback((): UploadedFile[] => {
    const done = filesRef.current.flatMap((f) => (f.uploaded ? [f.uploaded] : []));
    if (keyRef.current) savedFiles.delete(keyRef.current);
    for (const f of filesRef.current) if (f.previewUrl) URL.revokeObjectURL(f.previewUrl);
    filesRef.current = [];
    setFiles([]);
    setNotice(undefined);
    return done;
  }, []);

  // Leaving the room cancels what is still uploading, and keeps what is done for coming back.
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const a of running.values()) a.abort();
      const key = keyRef.current;
      const kept = key ? filesRef.current.filter((f) => f.status === 'done') : [];
      for (const f of filesRef.current)
        if (f.previewUrl && !kept.includes(f)) URL.revokeObjectURL(f.previewUrl);
      if (key && kept.length > 0) savedFiles.set(key, kept);
    };
  }, []);

  return {
    files,
    notice,
    add,
    remove,
    take,
    /** Some file is still on its way: sending waits. */
    uploading: files.some((f) => f.status === 'uploading'),
    /** Uploads ready to go with the message. */
    readyCount: files.filter((f) => f.status === 'done').length,
  };
}

export type UploadDraft = ReturnType<typeof useUploadDraft>;
