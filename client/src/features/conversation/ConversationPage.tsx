import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { MessageAttachments } from '../attachments/MessageAttachments.tsx';
import { AttachButton, UploadTray } from '../attachments/UploadTray.tsx';
import { useUploadDraft } from '../attachments/useUploadDraft.ts';
import { PeerStatus } from '../live/PeerPresence.tsx';
import { ReactionBar } from '../live/ReactionBar.tsx';
import { ReactionPicker } from '../live/ReactionPicker.tsx';
import { ReceiptLine } from '../live/ReceiptLine.tsx';
import { TypingIndicator } from '../live/TypingIndicator.tsx';
import { useTypingSender } from '../live/typing.ts';
import { useLiveRoom, useReceipts } from '../live/useLiveRoom.ts';
import { onRoomUpdated } from '../rooms/room-updates.ts';
import { Composer } from './Composer.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { ConversationQuery, MarkRoomReadMutation } from './documents.ts';
import { MessageList } from './MessageList.tsx';
import { type ReplyTarget, useConversation } from './useConversation.ts';

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** Whether the tab is in front (document.visibilityState). */
function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible');
}

/**
 * /rooms/:id — one conversation; remounted per room so nothing leaks between
 * rooms, and when the viewer, removed while it was open, is added back (it
 * starts afresh, as opening the room again would).
 */
export function ConversationPage() {
  const { id = '' } = useParams();
  const [joined, setJoined] = useState({ roomId: id, times: 0 });
  const times = joined.roomId === id ? joined.times : 0;
  const onRejoined = useCallback(() => setJoined({ roomId: id, times: times + 1 }), [id, times]);
  return <Conversation key={`${id}:${times}`} roomId={id} onRejoined={onRejoined} />;
}

function notFound(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
}

function Conversation({ roomId, onRejoined }: { roomId: string; onRejoined(): void }) {
  const { data, error } = useQuery(ConversationQuery, { variables: { roomId } });
  const live = useLiveRoom(roomId, data?.me);
  const conv = useConversation(roomId, data?.me.id, live.onEvent);
  const receipts = useReceipts(conv.messages, live.pointers, live.hidden);
  const typingSender = useTypingSender(roomId);
  const draft = useUploadDraft(data ? `${data.me.id}:${roomId}` : undefined);
  const [markRoomRead] = useMutation(MarkRoomReadMutation);
  const [replyTo, setReplyTo] = useState<ReplyTarget | undefined>();
  const visible = useDocumentVisible();
  const marked = useRef(0);
  const room = data?.room;
  // The server refused a message here with FORBIDDEN: in a direct room that means a block (the API
  // does not say who blocked whom, nor do we). Kept after the message is dismissed, until the room
  // is opened again.
  const [refused, setRefused] = useState(false);
  const refusedNow =
    room?.kind === 'DIRECT' && conv.pending.some((p) => p.status === 'failed' && p.code === 'FORBIDDEN');
  useEffect(() => {
    if (refusedNow) setRefused(true);
  }, [refusedNow]);

  // Read while visible: the highest seq on screen moves the read pointer (and the list's badge to 0).
  // Not the highest loaded: a message that arrives while the viewer reads further up stays unread
  // (the list shows "New messages ↓") until it is scrolled into view.
  const [seenSeq, setSeenSeq] = useState(0);
  const ready = conv.status === 'ready';
  const seq = seenSeq;
  useEffect(() => {
    if (!visible || !ready || !room || conv.left || seq <= marked.current) return;
    marked.current = seq;
    markRoomRead({ variables: { roomId, seq } }).catch(() => {
      marked.current = 0; // try again with the next message or visibility change
    });
  }, [visible, ready, room, seq, roomId, markRoomRead, conv.left]);

  // Removed while here (the room's stream ended), or opened while not a member (NOT_FOUND): the
  // server sends RoomUpdated for a room only to its members, so the next one means the viewer was
  // added (back): load it again.
  const missing = error !== undefined && notFound(error);
  useEffect(
    () => (conv.left || missing ? onRoomUpdated(roomId, onRejoined) : undefined),
    [conv.left, missing, roomId, onRejoined],
  );

  if (error && (notFound(error) || !data)) {
    return (
      <div className="page">
        <PageHeading title={notFound(error) ? 'Conversation not found' : 'Conversation unavailable'} />
        <p className="muted">
          {notFound(error)
            ? 'It does not exist, or you are not a member.'
            : 'It could not be loaded. Check your connection and try again.'}
        </p>
      </div>
    );
  }
  if (!data || !room) {
    return (
      <p className="muted" role="status">
        Loading conversation…
      </p>
    );
  }

  const timeZone = data.me.timeZone;
  // A direct room the viewer can no longer write in: they blocked the other person (or see `refused`).
  const blockedByMe = room.kind === 'DIRECT' && Boolean(room.peer?.blockedByMe);
  return (
    <section className="conversation" data-room-id={room.id}>
      <ConversationHeader room={room} status={<PeerStatus room={room} />} left={conv.left} />
      {conv.status === 'loading' ? (
        <p className="muted message-scroller" role="status">
          Loading messages…
        </p>
      ) : conv.status === 'error' ? (
        <p className="status status-error message-scroller">Messages could not be loaded.</p>
      ) : (
        <MessageList
          messages={conv.messages}
          pending={conv.pending}
          timeZone={timeZone}
          viewerName={data.me.displayName}
          canModerate={
            !conv.left && room.kind === 'GROUP' && (room.myRole === 'OWNER' || room.myRole === 'ADMIN')
          }
          hasOlder={conv.hasOlder}
          loadingOlder={conv.loadingOlder}
          onLoadOlder={() => void conv.loadOlder()}
          onReply={setReplyTo}
          onEdit={conv.edit}
          onDelete={conv.remove}
          onRetry={conv.retry}
          onDismiss={conv.dismiss}
          onSeen={setSeenSeq}
          slotsFor={(m) => {
            const receipt = receipts.get(m.id);
            return {
              footer: (
                <>
                  <ReactionBar messageId={m.id} onToggle={(emoji) => live.react(m.id, emoji)} />
                  {receipt ? (
                    <ReceiptLine receipt={receipt} direct={room.kind === 'DIRECT'} timeZone={timeZone} />
                  ) : null}
                </>
              ),
              actions: <ReactionPicker onPick={(emoji) => live.react(m.id, emoji)} />,
              attachments: <MessageAttachments message={m} />,
            };
          }}
        />
      )}
      <TypingIndicator typers={live.typers} />
      {conv.left ? (
        <p className="notice">You are no longer a member of this conversation.</p>
      ) : blockedByMe ? (
        <p className="notice">
          You blocked {room.title}. Unblock them on the <Link to="/contacts">Contacts</Link> page to send
          messages.
        </p>
      ) : refused ? (
        <p className="notice">You can't send messages in this conversation.</p>
      ) : (
        <Composer
          roomTitle={room.title}
          draftKey={`${data.me.id}:${room.id}`}
          disabled={conv.status !== 'ready'}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(undefined)}
          onInput={typingSender.onInput}
          onBlur={typingSender.stop}
          onSend={(body, target) => {
            conv.send(body, target, draft.take());
            setReplyTo(undefined);
          }}
          tools={<AttachButton onFiles={draft.add} disabled={conv.status !== 'ready'} />}
          attachments={<UploadTray draft={draft} />}
          attachmentCount={draft.readyCount}
          waitingReason={draft.uploading ? 'Waiting for uploads to finish…' : undefined}
          onFiles={draft.add}
        />
      )}
    </section>
  );
}
