import { useId, useRef, useState } from 'react';
import { useAuth } from '../../apollo/ServicesProvider.tsx';
import { formErrors } from '../../ui/forms.ts';
import { useLoadServiceLimits } from '../../ui/service-limits.ts';
import { Avatar } from './Avatar.tsx';
import { UploadFailure, uploadFile } from './upload.ts';

/** Image types the server shows inline (and makes avatars of). */
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'saving' };

/**
 * Choose, upload and set a picture (a person's avatar or a group's), or remove
 * it. The file goes to `POST /uploads` with visible progress; `onSet` then
 * points the profile or room at the upload.
 */
export function PictureControl(props: {
  /** Whose picture: the initial shown without one, and the image's description. */
  name: string;
  url: string | null | undefined;
  /** The control's visible name, e.g. "Profile picture". */
  label: string;
  fallback?: string;
  onSet(uploadId: string): Promise<unknown>;
  onRemove(): Promise<unknown>;
}) {
  const auth = useAuth();
  useLoadServiceLimits(); // the upload size limit, checked before uploading
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const inputId = useId();
  const busy = phase.kind !== 'idle';

  async function choose(file: File) {
    setError(undefined);
    setStatus('');
    setPhase({ kind: 'uploading', percent: 0 });
    try {
      const uploaded = await uploadFile(auth, file, {
        onProgress: (loaded, total) =>
          setPhase({ kind: 'uploading', percent: total > 0 ? Math.round((loaded / total) * 100) : 0 }),
      });
      setPhase({ kind: 'saving' });
      await props.onSet(uploaded.id);
      setStatus(`${props.label} updated`);
    } catch (err) {
      setError(err instanceof UploadFailure ? err.message : formErrors(err, []).form);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  async function remove() {
    setError(undefined);
    setStatus('');
    setPhase({ kind: 'saving' });
    try {
      await props.onRemove();
      setStatus(`${props.label} removed`);
    } catch (err) {
      setError(formErrors(err, []).form);
    } finally {
      setPhase({ kind: 'idle' });
    }
  }

  return (
    <div className="picture-control">
      <Avatar
        name={props.name}
        url={props.url}
        fallback={props.fallback}
        size="large"
        label={props.url ? `${props.label} of ${props.name}` : `No ${props.label.toLowerCase()}`}
      />
      <div className="picture-actions">
        <label htmlFor={inputId} className="visually-hidden">
          {`Choose a ${props.label.toLowerCase()}`}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={IMAGE_TYPES}
          className="visually-hidden"
          tabIndex={-1}
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void choose(file);
          }}
        />
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
            {props.url ? `Change ${props.label.toLowerCase()}` : `Upload ${props.label.toLowerCase()}`}
          </button>
          {props.url ? (
            <button type="button" className="button subtle" disabled={busy} onClick={() => void remove()}>
              {`Remove ${props.label.toLowerCase()}`}
            </button>
          ) : null}
        </div>
        {phase.kind === 'uploading' ? (
          <div
            className="progress"
            role="progressbar"
            aria-label={`Uploading ${props.label.toLowerCase()}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={phase.percent}
          >
            <div className="progress-fill" style={{ width: `${phase.percent}%` }} />
          </div>
        ) : null}
        <p className="field-hint">PNG, JPEG, GIF or WebP.</p>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <span role="status" className="status">
          {phase.kind === 'saving' ? 'Saving…' : status}
        </span>
      </div>
    </div>
  );
}
