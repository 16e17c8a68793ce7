import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { presentRoom } from '../rooms/rooms.present.ts';
import { updateRoom } from '../rooms/rooms.update.ts';
import { isImageType } from './files.model.ts';
import { avatarUrl, signedFileUrl } from './files.signing.ts';

/**
 * Attachments, avatars and their signed URLs. URLs are computed, not read:
 * signing needs only the file id and the server secret, so event payloads
 * that embed attachments cost subscribers no database reads.
 */
export const filesResolvers: Resolvers = {
  Mutation: {
    updateRoom: async (_p, { roomId, input }, ctx) =>
      presentRoom(ctx, await updateRoom(ctx.deps, requireViewer(ctx), roomId, input)),
  },
  Message: {
    attachments: (m, _a, ctx) => {
      if (m.deletedAt) return [];
      return m.attachments ?? ctx.loaders.messageAttachments.load(m.id);
    },
  },
  Attachment: {
    isImage: (f) => isImageType(f.mimeType),
    url: (f, _a, ctx) => signedFileUrl(ctx.deps.config, f.id, 'original'),
    thumbnailUrl: (f, _a, ctx) => (f.hasThumbnail ? signedFileUrl(ctx.deps.config, f.id, 'thumbnail') : null),
  },
  User: {
    avatarUrl: (u, _a, ctx) => avatarUrl(ctx.deps.config, u.avatarFileId),
  },
};
