/**
 * `Query.limits`: what this deployment allows, for clients that check input
 * before sending it (the web client does). Text limits are in characters
 * (code points), as the checks that enforce them count; each number is the
 * one its check uses, not a copy.
 */
import type { Config } from '../config.ts';
import type { Resolvers } from '../graphql/resolvers.generated.ts';
import { AGENDA_MAX, COMMENT_MAX, LOCATION_MAX, REASON_MAX } from './meetings/meetings.service.ts';
import { TITLE_MAX } from './rooms/rooms.validation.ts';
import { MAX_QUERY_LENGTH } from './users/users.service.ts';
import { BIO_MAX, DISPLAY_NAME_MAX, USERNAME_MAX } from './users/users.validation.ts';

export function serviceLimits(config: Config) {
  return {
    messageMaxLength: config.messageMaxLength,
    usernameMaxLength: USERNAME_MAX,
    displayNameMaxLength: DISPLAY_NAME_MAX,
    bioMaxLength: BIO_MAX,
    roomTitleMaxLength: TITLE_MAX,
    searchQueryMaxLength: MAX_QUERY_LENGTH,
    meetingLocationMaxLength: LOCATION_MAX,
    meetingAgendaMaxLength: AGENDA_MAX,
    meetingReasonMaxLength: REASON_MAX,
    reviewCommentMaxLength: COMMENT_MAX,
    uploadMaxBytes: config.uploadMaxBytes,
    roomReplayMax: config.roomReplayMax,
  };
}

export const serviceLimitsResolvers: Resolvers = {
  Query: {
    // Public: a sign-up form needs the limits before anyone is signed in.
    limits: (_p, _a, ctx) => serviceLimits(ctx.deps.config),
  },
};
