import { badInput } from '../../graphql/errors.ts';
import { userNow } from '../../graphql/loaders.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import { type ReaderModel, readersOf } from './receipts.service.ts';

export const receiptsResolvers: Resolvers = {
  Message: {
    // Synchronous when the message embeds its readers (a just-sent message's event, shared by
    // every subscriber; a history page that selected receipts) and their users are held:
    // no promise per delivery or per message.
    readBy: (m, { first }, ctx) => {
      const n = first ?? 20;
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw badInput('first must be between 1 and 100', { field: 'first' });
      const readersWithUsers = (all: readonly ReaderModel[]) => {
        const readers = readersOf(m, all).slice(0, n);
        const users = readers.map((r) => userNow(ctx, r.userId));
        const pair = (held: readonly (UserModel | null)[]) =>
          readers.flatMap((r, i) => {
            const user = held[i];
            return user ? [{ user, readAt: r.readAt }] : [];
          });
        if (!users.some((u) => u instanceof Promise)) return pair(users as (UserModel | null)[]);
        // A reader whose row cannot be read is left out, not an error for the whole list.
        return Promise.all(users.map((u) => Promise.resolve(u).catch(() => null))).then(pair);
      };
      if (m.readers) return readersWithUsers(m.readers);
      return ctx.loaders.readers.load(m.roomId).then(readersWithUsers);
    },
    readCount: (m, _a, ctx) =>
      m.readers
        ? readersOf(m, m.readers).length
        : ctx.loaders.readers.load(m.roomId).then((all) => readersOf(m, all).length),
  },
};
