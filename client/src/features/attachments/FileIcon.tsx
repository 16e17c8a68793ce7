import { type FileKind, fileKind } from './format.ts';

const LABEL: Record<FileKind, string> = {
  image: 'IMG',
  pdf: 'PDF',
  document: 'DOC',
  sheet: 'XLS',
  slides: 'PPT',
  text: 'TXT',
  audio: 'AUD',
  video: 'VID',
  archive: 'ZIP',
  other: 'FILE',
};

/** A small square badge naming the file's kind (text, not an emoji: it renders the same everywhere). */
export function FileIcon(props: { mimeType: string; name?: string }) {
  const kind = fileKind(props.mimeType, props.name);
  return (
    <span className={`file-icon file-icon-${kind}`} aria-hidden="true" data-kind={kind}>
      {LABEL[kind]}
    </span>
  );
}
