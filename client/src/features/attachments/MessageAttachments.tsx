import { useRef, useState } from 'react';
import type { MessageAttachments_MessageFragment } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { FileIcon } from './FileIcon.tsx';
import { humanSize, isTallImage, previewSize, sameOriginFileUrl } from './format.ts';
import { linkEnded, useFreshFileUrls } from './useFreshFileUrls.ts';

export const MessageAttachmentsFragment = graphql(`
  fragment MessageAttachments_message on Message {
    id
    attachments {
      id
      name
      size
      mimeType
      isImage
      width
      height
      url
      thumbnailUrl
    }
  }
`);

type Attachment = MessageAttachments_MessageFragment['attachments'][number];

function ImagePreview(props: { file: Attachment; onLinkEnded(): void }) {
  const f = {
    ...props.file,
    url: sameOriginFileUrl(props.file.url),
    thumbnailUrl: sameOriginFileUrl(props.file.thumbnailUrl),
  };
  // The thumbnail is made by a background job: until it exists (or if it fails to load) show the original.
  const [original, setOriginal] = useState(false);
  const src = original ? f.url : (f.thumbnailUrl ?? f.url);
  const dialog = useRef<HTMLDialogElement>(null);
  // The original (up to the upload limit) loads when the preview is first opened, not with the history.
  const [opened, setOpened] = useState(false);
  const size = previewSize(f.width ?? null, f.height ?? null);
  return (
    <div className="image-attachment">
      <button
        type="button"
        className="image-preview"
        aria-label={`Open image ${f.name}`}
        aria-haspopup="dialog"
        onClick={() => {
          setOpened(true);
          dialog.current?.showModal();
        }}
      >
        <img
          src={src}
          alt={f.name}
          width={size.width}
          height={size.height}
          // The box's shape, not the loaded file's: a thin image (or its cropped thumbnail) covers it.
          style={{ aspectRatio: `${size.width} / ${size.height}` }}
          loading="lazy"
          decoding="async"
          onError={() => {
            // An ended link gets fresh ones (this re-renders with them); else the original instead.
            if (linkEnded(src)) props.onLinkEnded();
            else if (src !== f.url) setOriginal(true);
          }}
        />
      </button>
      <dialog
        ref={dialog}
        className="lightbox"
        aria-label={f.name}
        // A click on the backdrop (the dialog itself, not its content) closes it.
        onClick={(e) => {
          if (e.target === e.currentTarget) e.currentTarget.close();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.close();
        }}
      >
        <figure>
          {/* A very tall image at a readable width, scrolling, rather than squeezed into the screen's height. */}
          {opened ? (
            <img
              src={f.url}
              alt={f.name}
              className={isTallImage(f.width ?? null, f.height ?? null) ? 'tall' : undefined}
            />
          ) : null}
          <figcaption>
            <span>
              {f.name} <span className="muted">· {humanSize(f.size)}</span>
            </span>
            <a href={f.url} target="_blank" rel="noopener noreferrer">
              Open original
            </a>
            <button type="button" className="button small" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </figcaption>
        </figure>
      </dialog>
    </div>
  );
}

/** A non-image file: kind icon, name, size and a download link. */
export function FileCard(props: {
  name: string;
  size: number;
  mimeType: string;
  url?: string;
  /** Still being sent with its message. */
  pending?: boolean;
  /** A fresh link for this file, when its own has ended (the download then uses it). */
  freshUrl?: () => Promise<string | null>;
}) {
  return (
    <div className={`file-card${props.pending ? ' pending' : ''}`}>
      <FileIcon mimeType={props.mimeType} name={props.name} />
      <span className="file-card-text">
        <span className="file-card-name" title={props.name}>
          {props.name}
        </span>
        <span className="muted file-card-size">{humanSize(props.size)}</span>
      </span>
      {props.url ? (
        <a
          className="button small"
          href={props.url}
          download={props.name}
          aria-label={`Download ${props.name}`}
          onClick={(event) => {
            const { freshUrl } = props;
            if (!freshUrl || !linkEnded(props.url)) return;
            // The link ended while the page was open: download from a fresh one instead.
            event.preventDefault();
            void freshUrl().then((url) => {
              if (!url) return;
              const a = document.createElement('a');
              a.href = url;
              a.download = props.name;
              a.click();
            });
          }}
        >
          Download
        </a>
      ) : (
        <span className="muted file-card-state">Pending</span>
      )}
    </div>
  );
}

/** A message's files: images as previews (a click opens them large), other files as cards. */
export function MessageAttachments(props: { message: FragmentType<typeof MessageAttachmentsFragment> }) {
  const message = getFragmentData(MessageAttachmentsFragment, props.message);
  const { attachments, refresh } = useFreshFileUrls(message.id, message.attachments);
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.isImage);
  const files = attachments.filter((a) => !a.isImage);
  return (
    <div className="attachments" data-testid="attachments">
      {images.length > 0 ? (
        <div className="attachment-images">
          {images.map((a) => (
            <ImagePreview key={a.id} file={a} onLinkEnded={() => void refresh()} />
          ))}
        </div>
      ) : null}
      {files.length > 0 ? (
        <div className="attachment-files">
          {files.map((a) => (
            <FileCard
              key={a.id}
              name={a.name}
              size={a.size}
              mimeType={a.mimeType}
              url={sameOriginFileUrl(a.url)}
              freshUrl={async () => sameOriginFileUrl((await refresh()).get(a.id)?.url)}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
