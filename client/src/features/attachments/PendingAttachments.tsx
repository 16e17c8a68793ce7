import { FileCard } from './MessageAttachments.tsx';
import type { UploadedFile } from './upload.ts';

/** The files of a message still being sent: named cards marked as sending (no links yet). */
export function PendingAttachments(props: { files: readonly UploadedFile[] }) {
  if (props.files.length === 0) return null;
  return (
    <div className="attachments pending" data-testid="pending-attachments">
      <div className="attachment-files">
        {props.files.map((f) => (
          <FileCard key={f.id} name={f.name} size={f.size} mimeType={f.mimeType} pending />
        ))}
      </div>
    </div>
  );
}
