import type { ReactNode } from 'react';

/** The usernames the server resolved as mentions (and whether each is the viewer). */
export interface Mention {
  username: string;
  isMe: boolean;
}

const MENTION = /@([a-z0-9_.]{3,32})/gi;

/**
 * A message's text with @mentions highlighted. Only usernames the server
 * resolved as mentions (members of the room) are highlighted; mentions of the
 * viewer stand out more. Line breaks are kept by CSS (white-space: pre-wrap).
 */
export function MessageBody({ body, mentions }: { body: string; mentions: readonly Mention[] }) {
  const byName = new Map(mentions.map((m) => [m.username.toLowerCase(), m]));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const mention = byName.get((match[1] ?? '').toLowerCase());
    if (!mention) continue;
    const start = match.index;
    if (start > last) parts.push(body.slice(last, start));
    parts.push(
      <mark key={start} className={mention.isMe ? 'mention mention-me' : 'mention'}>
        {match[0]}
      </mark>,
    );
    last = start + match[0].length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return <p className="message-body">{parts}</p>;
}
