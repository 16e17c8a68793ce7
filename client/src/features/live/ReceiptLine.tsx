import { fullDateTime } from '../../ui/relative-time.ts';
import { type Receipt, receiptText } from './receipts.ts';

/** "Seen" / "Read by Bob" / "Read by 3" under one of my messages; the readers by name in the tooltip. */
export function ReceiptLine(props: { receipt: Receipt; direct: boolean }) {
  const { receipt } = props;
  const who = receipt.readers
    .map((r) => (r.readAt ? `${r.displayName} (${fullDateTime(r.readAt)})` : r.displayName))
    .join(', ');
  const more = receipt.count - receipt.readers.length;
  const title = `Read by ${who || `${receipt.count}`}${who && more > 0 ? ` and ${more} more` : ''}`;
  return (
    <p className="receipt" title={title} data-testid="receipt">
      {receiptText(receipt, props.direct)}
      <span className="visually-hidden">: {title}</span>
    </p>
  );
}
