import { useParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';

function Placeholder({ title, children }: { title: string; children: string }) {
  return (
    <div className="page placeholder">
      <PageHeading title={title} />
      <p className="muted">{children}</p>
    </div>
  );
}

export function RoomsIndex() {
  return (
    <Placeholder title="Conversations">Pick a conversation from the list, or start a new one.</Placeholder>
  );
}

export function RoomPage() {
  const { id } = useParams();
  return <Placeholder title="Conversation">{`Conversation ${id ?? ''} will open here.`}</Placeholder>;
}

export function ContactsPage() {
  return <Placeholder title="Contacts">Your contacts and friend requests will appear here.</Placeholder>;
}

export function MeetingsPage() {
  return <Placeholder title="Meetings">Your upcoming and past meetings will appear here.</Placeholder>;
}

export function MeetingPage() {
  const { id } = useParams();
  return <Placeholder title="Meeting">{`Meeting ${id ?? ''} will open here.`}</Placeholder>;
}

export function NotificationsPage() {
  return <Placeholder title="Notifications">Your notifications will appear here.</Placeholder>;
}

export function NotFoundPage() {
  return <Placeholder title="Page not found">There is nothing at this address.</Placeholder>;
}
