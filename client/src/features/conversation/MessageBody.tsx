import type { ReactNode } from 'react';

/** The usernames the server resolved as mentions (and whether each is the viewer). */
export interface Mention {
  username: string;
  isMe: boolean;
}

// As the server reads mentions (messages.validation.ts): `@name` not preceded by
// a word character (so emails do not count); trailing dots are sentence punctuation.
const MENTION = /(?<![\w.@])@([a-z0-9_.]{3,32})/gi;

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
    const name = (match[1] ?? '').replace(/\.+$/, '');
    const mention = byName.get(name.toLowerCase());
    if (!mention) continue;
    const start = match.index;
    if (start > last) parts.push(body.slice(last, start));
    parts.push(
      <mark key={start} className={mention.isMe ? 'mention mention-me' : 'mention'}>
        @{name}
      </mark>,
    );
    last = start + 1 + name.length;
  }
  if (last < body.length) parts.push(body.slice(last));
  return <p className="message-body">{parts}</p>;
}
