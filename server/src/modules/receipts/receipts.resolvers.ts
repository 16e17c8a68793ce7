import { badInput } from '../../graphql/errors.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import { type ReaderModel, readersOf } from './receipts.service.ts';

export const receiptsResolvers: Resolvers = {
  Message: {
    // Synchronous when the message embeds its readers (a just-sent message's event, shared by
    // every subscriber): no promise per delivery.
    readBy: (m, { first }, ctx) => {
      const n = first ?? 20;
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw badInput('first must be between 1 and 100', { field: 'first' });
      const readersWithUsers = async (all: readonly ReaderModel[]) => {
        const readers = readersOf(m, all).slice(0, n);
        const users = await ctx.loaders.user.loadMany(readers.map((r) => r.userId));
        return readers.flatMap((r, i) => {
          const user = users[i];
          return user && !(user instanceof Error) ? [{ user: user as UserModel, readAt: r.readAt }] : [];
        });
      };
      if (m.readers) return readersOf(m, m.readers).length === 0 ? [] : readersWithUsers(m.readers);
      return ctx.loaders.readers.load(m.roomId).then(readersWithUsers);
    },
    readCount: (m, _a, ctx) =>
      m.readers
        ? readersOf(m, m.readers).length
        : ctx.loaders.readers.load(m.roomId).then((all) => readersOf(m, all).length),
  },
};
