import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One schema, two typed consumers:
 * - server resolvers (typescript-resolvers), with GraphQL types mapped to the
 *   domain models the services return, so a resolver cannot return a raw row;
 * - the React client (client preset): every operation in `client/src` typed.
 * Generated files are never edited; CI fails when they are stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'server/src/graphql/resolvers.generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        contextType: '../graphql/context.ts#GraphQLContext',
        scalars: { DateTime: { input: 'Date', output: 'Date | string' } },
        mappers: {
          User: '../modules/users/users.model.ts#UserModel',
          Session: '../modules/auth/auth.model.ts#SessionModel',
          Room: '../modules/rooms/rooms.model.ts#RoomView',
          RoomMember: '../modules/rooms/rooms.model.ts#RoomMemberModel',
          Message: '../modules/messages/messages.model.ts#MessageModel',
          Attachment: '../modules/files/files.model.ts#AttachmentModel',
          FriendRequest: '../modules/contacts/contacts.model.ts#FriendRequestModel',
          Notification: '../modules/notifications/notifications.model.ts#NotificationModel',
          ReactionGroup: '../modules/reactions/reactions.model.ts#ReactionGroupModel',
          Meeting: '../modules/meetings/meetings.model.ts#MeetingModel',
          MeetingReview: '../modules/meetings/meetings.model.ts#MeetingReviewModel',
          MeetingReschedule: '../modules/meetings/meetings.model.ts#PendingRescheduleModel',
          MeetingRescheduleRejection: '../modules/meetings/meetings.model.ts#RejectedRescheduleModel',
          MeetingEvent: '../modules/meetings/meetings.topics.ts#MeetingEventPayload',
        },
        resolversNonOptionalTypename: { unionMember: true },
        avoidOptionals: false,
      },
    },
    // Which concrete types each union/interface has, for Apollo's cache (`possibleTypes`):
    // without it, fragments on union members (subscription events) match heuristically.
    'client/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
    'client/src/gql/': {
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
