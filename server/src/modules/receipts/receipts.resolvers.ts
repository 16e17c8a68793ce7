import { badInput } from '../../graphql/errors.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import { readersOf } from './receipts.service.ts';

export const receiptsResolvers: Resolvers = {
  Message: {
    readBy: async (m, { first }, ctx) => {
      const n = first ?? 20;
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw badInput('first must be between 1 and 100', { field: 'first' });
      const readers = readersOf(m, await ctx.loaders.readers.load(m.roomId)).slice(0, n);
      const users = await ctx.loaders.user.loadMany(readers.map((r) => r.userId));
      return readers.flatMap((r, i) => {
        const user = users[i];
        return user && !(user instanceof Error) ? [{ user: user as UserModel, readAt: r.readAt }] : [];
      });
    },
    readCount: async (m, _a, ctx) => readersOf(m, await ctx.loaders.readers.load(m.roomId)).length,
  },
};
