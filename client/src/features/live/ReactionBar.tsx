import { useApolloClient, useFragment } from '@apollo/client/react';
import { ReactionBarFragment } from './documents.ts';

/** "You and 2 others reacted with 👍" for a tooltip. */
function who(g: { emoji: string; count: number; reactedByMe: boolean }): string {
  const others = g.reactedByMe ? g.count - 1 : g.count;
  const people = `${others} ${others === 1 ? 'person' : 'people'}`;
  if (!g.reactedByMe) return `${people} reacted with ${g.emoji}`;
  return others === 0 ? `You reacted with ${g.emoji}` : `You and ${people} reacted with ${g.emoji}`;
}

/**
 * The reactions under a message: one toggle per emoji with its count, pressed
 * when the viewer is among the reactors. Reads Message:<id> from the cache,
 * so events, mutation results and optimistic answers show up here at once.
 */
export function ReactionBar(props: { messageId: string; onToggle(emoji: string): void }) {
  const client = useApolloClient();
  const { data, complete } = useFragment({
    fragment: ReactionBarFragment,
    from: client.cache.identify({ __typename: 'Message', id: props.messageId }) ?? null,
  });
  const groups = complete ? data.reactions : [];
  if (groups.length === 0) return null;
  return (
    <ul className="reaction-bar" aria-label="Reactions">
      {groups.map((g) => (
        <li key={g.emoji}>
          <button
            type="button"
            className={`reaction${g.reactedByMe ? ' mine' : ''}`}
            aria-pressed={g.reactedByMe}
            // The name starts with what the button shows (WCAG 2.5.3); aria-pressed says whether it is mine.
            aria-label={`${g.emoji} ${g.count} ${g.count === 1 ? 'reaction' : 'reactions'}`}
            title={who(g)}
            data-emoji={g.emoji}
            onClick={() => props.onToggle(g.emoji)}
          >
            <span aria-hidden="true">{g.emoji}</span> <span className="reaction-count">{g.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
