import type { Config } from '../../config.ts';
import { requireViewer } from '../../graphql/context.ts';
import { userNow } from '../../graphql/loaders.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { updateRoom } from '../rooms/rooms.update.ts';
import { isImageType } from './files.model.ts';
import { signedFileUrl } from './files.signing.ts';

/**
 * Attachments, avatars and their signed URLs. URLs are computed, not read:
 * signing needs only the file id and the server secret, so event payloads
 * that embed attachments cost subscribers no database reads.
 */
/** The signed thumbnail URL of an avatar (a user's or a room's), null without one. */
const avatarUrl = (config: Config, fileId: string | null | undefined) =>
  fileId ? signedFileUrl(config, fileId, 'thumbnail') : null;

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
    avatarUrl: (u, _a, ctx) => avatarUrl(ctx.deps.config, u.avatarFileId),
  },
  Room: {
    // Synchronous whenever it can be (room views carry the avatar's file id, held users
    // theirs): a page of 100 rooms then resolves without 100 promises.
    avatarUrl: (r, _a, ctx) => {
      const { config } = ctx.deps;
      if (r.kind === 'DIRECT') {
        const peer = r.peer ?? (r.peerId ? userNow(ctx, r.peerId) : null);
        return peer instanceof Promise
          ? peer.then((p) => avatarUrl(config, p?.avatarFileId))
          : avatarUrl(config, peer?.avatarFileId);
      }
      return r.avatarFileId !== undefined
        ? avatarUrl(config, r.avatarFileId)
        : ctx.loaders.roomAvatar.load(r.id).then((fileId) => avatarUrl(config, fileId));
    },
  },
};
