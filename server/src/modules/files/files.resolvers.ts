import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { updateRoom } from '../rooms/rooms.update.ts';
import { isImageType } from './files.model.ts';
import { signedFileUrl } from './files.signing.ts';

/**
 * Attachments, avatars and their signed URLs. URLs are computed, not read:
 * signing needs only the file id and the server secret, so event payloads
 * that embed attachments cost subscribers no database reads.
 */
export const filesResolvers: Resolvers = {
  Mutation: {
    updateRoom: (_p, { roomId, input }, ctx) => updateRoom(ctx.deps, requireViewer(ctx), roomId, input),
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
    avatarUrl: (u, _a, ctx) =>
      u.avatarFileId ? signedFileUrl(ctx.deps.config, u.avatarFileId, 'thumbnail') : null,
  },
  Room: {
    avatarUrl: async (r, _a, ctx) => {
      if (r.kind === 'DIRECT') {
        const peer = r.peer ?? (r.peerId ? await ctx.loaders.user.load(r.peerId) : null);
        return peer?.avatarFileId ? signedFileUrl(ctx.deps.config, peer.avatarFileId, 'thumbnail') : null;
      }
      // Room views carry the avatar's file id; other room models load it.
      const fileId = r.avatarFileId !== undefined ? r.avatarFileId : await ctx.loaders.roomAvatar.load(r.id);
      return fileId ? signedFileUrl(ctx.deps.config, fileId, 'thumbnail') : null;
    },
  },
};
