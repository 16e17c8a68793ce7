import { useId, useRef } from 'react';
import { FileIcon } from './FileIcon.tsx';
import { humanSize } from './format.ts';
import type { DraftFile, UploadDraft } from './useUploadDraft.ts';

/** Types the server accepts (images, PDF, office documents, text, audio, video, zip); a hint for the picker only. */
const ACCEPT = [
  'image/*',
  'audio/*',
  'video/*',
  '.pdf',
  '.txt',
  '.csv',
  '.md',
  '.zip',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
].join(',');

/** The composer's "Attach" button: opens the file picker (several files at once). */
export function AttachButton(props: { onFiles(files: File[]): void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        // Any file may be picked ("All files"); the server decides from the content.
        accept={ACCEPT}
        data-testid="attach-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
      <button
        type="button"
        className="button attach-button"
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        Attach
      </button>
    </>
  );
}

function TrayItem(props: { file: DraftFile; onRemove(): void }) {
  const f = props.file;
  const percent = f.size > 0 ? Math.round((f.loaded / f.size) * 100) : 100;
  return (
    <li className={`upload-item ${f.status}`} data-status={f.status}>
      {f.previewUrl ? (
        <img className="upload-thumb" src={f.previewUrl} alt={f.name} />
      ) : (
        <FileIcon mimeType={f.type} name={f.name} />
      )}
      <div className="upload-text">
        <span className="upload-name" title={f.name}>
          {f.name}
        </span>
        <span className="muted upload-size">{humanSize(f.size)}</span>
        {f.status === 'uploading' ? (
          <div
            className="progress"
            role="progressbar"
            aria-label={`Uploading ${f.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %`}
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
        ) : f.status === 'failed' ? (
          <span className="field-error upload-error" role="alert">
            {f.name}: {f.error}
          </span>
        ) : (
          <span className="visually-hidden">Uploaded</span>
        )}
      </div>
      <button
        type="button"
        className="button subtle small"
        aria-label={`Remove ${f.name}`}
        onClick={props.onRemove}
      >
        ✕
      </button>
    </li>
  );
}

/** Files attached to the message being written, each with its progress or error, removable. */
export function UploadTray(props: { draft: UploadDraft }) {
  const { files, notice, remove } = props.draft;
  if (files.length === 0 && !notice) return null;
  return (
    <div className="upload-tray">
      {files.length > 0 ? (
        <ul className="upload-list" aria-label="Attachments to send">
          {files.map((f) => (
            <TrayItem key={f.key} file={f} onRemove={() => remove(f.key)} />
          ))}
        </ul>
      ) : null}
      {notice ? (
        <p className="field-error" role="alert">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
