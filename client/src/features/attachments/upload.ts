/**
 * `POST /uploads` from the browser. XMLHttpRequest rather than fetch: only
 * XHR reports upload progress. The access token comes from the auth store as
 * for GraphQL requests (see apollo/auth-link.ts): a token the server refuses
 * with 401 is refreshed once (single-flight in the store) and the upload
 * retried once with the new one.
 */
import type { AuthStore } from '../../apollo/auth-store.ts';
import { uploadMaxBytes } from '../../ui/service-limits.ts';
import { humanLimit, humanSize } from './format.ts';

/** What the server answers with 201 (server/src/modules/files/files.routes.ts). */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  width: number | null;
  height: number | null;
}

/** An upload the server refused or that could not reach it; `message` is fit to show. */
export class UploadFailure extends Error {
  override name = 'UploadFailure';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const UPLOAD_PATH = '/uploads';

interface Options {
  /** Bytes sent so far and the total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function waitText(seconds: string | null): string {
  const n = Number(seconds);
  if (!Number.isFinite(n) || n <= 0) return 'Try again in a moment.';
  return n < 90 ? `Try again in ${Math.ceil(n)} s.` : `Try again in ${Math.ceil(n / 60)} min.`;
}

/** The server's `{ error: { code, message } }`, else a message for the status alone. */
function failureOf(xhr: XMLHttpRequest): UploadFailure {
  let code = 'UPLOAD_FAILED';
  let message: string | undefined;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not our JSON (e.g. a proxy's error page): fall back to the status.
  }
  const status = xhr.status;
  if (status === 429) {
    return new UploadFailure(
      status,
      code,
      `${message ?? 'Too many uploads.'} ${waitText(xhr.getResponseHeader('retry-after'))}`,
    );
  }
  const fallback =
    status === 413
      ? 'This file is too large.'
      : status === 415
        ? 'This type of file is not accepted.'
        : status === 401
          ? 'Your session has ended. Sign in again.'
          : `The upload failed (HTTP ${status}).`;
  return new UploadFailure(status, code, message ?? fallback);
}

function send(file: File, token: string | null, opts: Options): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATH);
    xhr.responseType = 'text';
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadedFile);
        } catch {
          reject(new UploadFailure(xhr.status, 'UPLOAD_FAILED', 'The server sent an unreadable answer.'));
        }
      } else reject(failureOf(xhr));
    };
    // The server refuses an oversized file while it streams and closes the connection; a browser
    // that is still sending may then see a network error rather than the 413.
    xhr.onerror = () =>
      reject(
        new UploadFailure(
          0,
          'NETWORK',
          'The upload was interrupted. Check your connection; files over the size limit are refused.',
        ),
      );
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new DOMException('Upload cancelled', 'AbortError'));
        return;
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads one file; rejects with UploadFailure (or an AbortError when `signal`
 * fires). A file over the deployment's limit, when known, is refused here,
 * before any of it is sent, in the server's words.
 */
export async function uploadFile(auth: AuthStore, file: File, opts: Options = {}): Promise<UploadedFile> {
  const max = uploadMaxBytes();
  if (max !== undefined && file.size > max)
    throw new UploadFailure(
      413,
      'PAYLOAD_TOO_LARGE',
      `Files may be at most ${humanLimit(max)}; this one is ${humanSize(file.size)}`,
    );
  const token = await auth.getValidAccessToken();
  try {
    return await send(file, token, opts);
  } catch (err) {
    if (!(err instanceof UploadFailure) || err.status !== 401 || !token) throw err;
    // The token expired in flight (or the clock misled us): refresh once, like the auth link.
    const fresh = await auth.refresh(token);
    if (!fresh) throw err;
    opts.onProgress?.(0, file.size);
    return send(file, fresh, opts);
  }
}
