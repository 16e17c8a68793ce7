import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';

/** /rooms on a wide screen: the pane beside the list, before a conversation is picked. */
export function RoomsIndexPage() {
  return (
    <div className="page rooms-index">
      <PageHeading title="Conversations" />
      <p className="muted">Pick a conversation from the list, or start a new one.</p>
      <Link to="/rooms/new" className="button">
        Start a new chat
      </Link>
    </div>
  );
}
