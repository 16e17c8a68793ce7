import { useApolloClient, useFragment } from '@apollo/client/react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { attachmentsPreview } from '../attachments/format.ts';

export const ReplyQuoteFragment = graphql(`
  fragment ReplyQuote_message on Message {
    id
    body
    deletedAt
    sender {
      id
      displayName
    }
    attachments {
      id
      name
      isImage
    }
  }
`);

/**
 * The quote of the message a reply answers. The conversation keeps each
 * message as it arrived (useConversation's reducer), so the copy embedded in
 * the reply would keep the original's text from when the reply was loaded.
 * The quoted message is normalized in the Apollo cache as Message:<id>, the
 * same entry that the original's edit and delete (mutation answers and the
 * room's MessageEdited / MessageDeleted events) write to: reading it from
 * there makes the quote follow the original live, on every screen.
 */
export function ReplyQuote(props: { quote: FragmentType<typeof ReplyQuoteFragment> }) {
  const client = useApolloClient();
  const embedded = getFragmentData(ReplyQuoteFragment, props.quote);
  const { data, complete } = useFragment({
    fragment: ReplyQuoteFragment,
    from: client.cache.identify({ __typename: 'Message', id: embedded.id }) ?? null,
  });
  const quote = complete ? data : embedded;
  return (
    <blockquote className="reply-quote">
      <span className="reply-sender">{quote.sender?.displayName ?? 'Someone'}</span>{' '}
      <span className="reply-text">
        {quote.deletedAt ? 'Message deleted' : quote.body || attachmentsPreview(quote.attachments)}
      </span>
    </blockquote>
  );
}
