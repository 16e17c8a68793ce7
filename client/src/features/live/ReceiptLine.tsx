import { fullLabel } from '../conversation/time.ts';
import { type Receipt, receiptText } from './receipts.ts';

/**
 * "Seen" / "Read by Bob" / "Read by 3" under one of my messages; the readers by name in the tooltip,
 * with when they read it in `timeZone` (the viewer's profile zone, as the message times beside it).
 */
export function ReceiptLine(props: { receipt: Receipt; direct: boolean; timeZone: string }) {
  const { receipt } = props;
  const who = receipt.readers
    .map((r) => (r.readAt ? `${r.displayName} (${fullLabel(r.readAt, props.timeZone)})` : r.displayName))
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
