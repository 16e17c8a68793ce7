import DataLoader from 'dataloader';
import type { Deps, Viewer } from '../deps.ts';
import type { Relationship } from '../modules/contacts/contacts.model.ts';
import { relationshipsOf } from '../modules/contacts/contacts.service.ts';
import { type AttachmentModel, fileRowToModel } from '../modules/files/files.model.ts';
import { listAttachments } from '../modules/files/files.repository.ts';
import type { MeetingReviewModel } from '../modules/meetings/meetings.model.ts';
import { reviewsByMeeting } from '../modules/meetings/meetings.queries.ts';
import { type MessageModel, messageRowToModel } from '../modules/messages/messages.model.ts';
import { findMessagesByIds } from '../modules/messages/messages.repository.ts';
import { type PresenceModel, presenceBatch, presenceLoader } from '../modules/presence/presence.queries.ts';
import type { ReactionGroupModel } from '../modules/reactions/reactions.model.ts';
import { reactionsLoader } from '../modules/reactions/reactions.service.ts';
import { type ReaderModel, readersLoader } from '../modules/receipts/receipts.service.ts';
import type { RoomMemberModel, RoomRole } from '../modules/rooms/rooms.model.ts';
import { findMembershipsOf, listMembers } from '../modules/rooms/rooms.repository.ts';
import { type UserModel, userRowToModel } from '../modules/users/users.model.ts';
import { findUsersByIds } from '../modules/users/users.repository.ts';

/**
 * Per-request batch loaders: every non-root field that reads the database goes
 * through one, so a page of N items costs one statement per field, not N.
 * HTTP requests cache for the request's life; subscription contexts live as
 * long as a socket, so there they batch without caching (no stale reads).
 */
export interface Loaders {
  user: DataLoader<string, UserModel | null>;
  /**
   * The viewer's relationship with another user, by that user's id (contact
   * status, blocks both ways): one statement per batch. UNAUTHENTICATED
   * without a viewer; unknown ids resolve to NONE.
   */
  relationship: DataLoader<string, Relationship>;
  /** Members of a room the viewer may see, owner first (one statement for all rooms of a page). */
  roomMembers: DataLoader<string, RoomMemberModel[]>;
  /** A message by id, unchecked: callers check visibility (e.g. with `myMembership`). */
  message: DataLoader<string, MessageModel | null>;
  /** The viewer's membership of a room, by room id; null when not a member (or no viewer). */
  myMembership: DataLoader<string, { roomId: string; role: RoomRole; visibleFromSeq: number } | null>;
  /** A user's presence as the viewer may see it (hidden: offline, no lastSeenAt); one SQL + one store read per batch. */
  presence: DataLoader<string, PresenceModel>;
  /** Read pointers of a room's members who share receipts (plus the viewer's), by room id; unchecked. */
  readers: DataLoader<string, ReaderModel[]>;
  /** A message's reactions grouped by emoji, by message id; unchecked (the message's visibility was). */
  reactions: DataLoader<string, ReactionGroupModel[]>;
  /** A message's attachments in order, by message id (unchecked: the message's visibility was). */
  messageAttachments: DataLoader<string, AttachmentModel[]>;
  /** All reviews of a meeting, by meeting id (callers filter what the viewer may see). */
  meetingReviews: DataLoader<string, MeetingReviewModel[]>;
  /**
   * Records that the viewer shares a room with `userId`, known from the
   * viewer's own view of their direct room (a direct room cannot be left, so
   * this stays true): `presence` then needs no statement to know it.
   */
  noteRoomMate(userId: string): void;
  /**
   * A user's presence as `presence` loads it: at once when this request
   * already loaded it with `preloadPresence`, else through the loader.
   */
  presenceNow(userId: string): PresenceModel | Promise<PresenceModel>;
  /**
   * Loads these users' presence in one batch, so that `presenceNow` answers
   * them without a promise (a room list's peers). Does nothing for loaders
   * that do not cache (a socket's, which live for hours).
   */
  preloadPresence(userIds: readonly string[]): Promise<void>;
}

export interface LoaderOptions {
  cache: boolean;
}

/** Builds a loader that maps keys to the row with the same `key(row)`; missing keys resolve to null. */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  key: (value: V) => K,
  opts: LoaderOptions,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map((await fetch(keys)).map((v) => [key(v), v]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { cache: opts.cache },
  );
}

/**
 * A user by id: at once when this instance holds it (users.cache.ts), else
 * through the request's `user` loader (batched). A list of 100 messages whose
 * senders are all held then resolves without 100 promises.
 */
export function userNow(
  ctx: { deps: Pick<Deps, 'users'>; loaders: Pick<Loaders, 'user'> },
  id: string,
): UserModel | null | Promise<UserModel | null> {
  return ctx.deps.users.peek(id) ?? ctx.loaders.user.load(id);
}

/**
 * The loaders of one request or socket, each created on first use: a
 * subscription socket lives for hours and most never touch most loaders
 * (an idle connection used to hold eleven of them).
 */
export function createLoaders(deps: Deps, viewer: Viewer | null, opts: LoaderOptions): Loaders {
  return new LazyLoaders(deps, viewer, opts);
}

class LazyLoaders implements Loaders {
  readonly #deps: Deps;
  readonly #viewer: Viewer | null;
  readonly #opts: LoaderOptions;
  #made: Partial<Loaders> = {};
  /** Created on first use: a socket's loaders live for hours and most never see a direct room. */
  #roomMates: Set<string> | undefined;
  /** Presence loaded ahead by `preloadPresence` (request loaders only). */
  #presenceKnown: Map<string, PresenceModel> | undefined;

  constructor(deps: Deps, viewer: Viewer | null, opts: LoaderOptions) {
    this.#deps = deps;
    this.#viewer = viewer;
    this.#opts = opts;
  }

  #get<K extends keyof Loaders>(
    key: K,
    make: (deps: Deps, viewer: Viewer | null, opts: LoaderOptions) => Loaders[K],
  ): Loaders[K] {
    const made = this.#made[key] as Loaders[K] | undefined;
    if (made) return made;
    const loader = make(this.#deps, this.#viewer, this.#opts);
    this.#made[key] = loader;
    return loader;
  }

  /** Whether `noteRoomMate` noted a user: the presence loader's and `preloadPresence`'s test (made on use). */
  #roomMateTest(): (userId: string) => boolean {
    return (userId) => this.#roomMates?.has(userId) === true;
  }

  noteRoomMate(userId: string): void {
    this.#roomMates ??= new Set();
    this.#roomMates.add(userId);
  }

  presenceNow(userId: string): PresenceModel | Promise<PresenceModel> {
    return this.#presenceKnown?.get(userId) ?? this.presence.load(userId);
  }

  async preloadPresence(userIds: readonly string[]): Promise<void> {
    if (!this.#opts.cache || userIds.length === 0) return;
    let loaded: PresenceModel[];
    try {
      loaded = await presenceBatch(this.#deps, this.#viewer, this.#roomMateTest())(userIds);
    } catch {
      return; // Left to the fields, which load it again through the loader and report the error.
    }
    this.#presenceKnown ??= new Map();
    const known = this.#presenceKnown;
    for (let i = 0; i < userIds.length; i++) known.set(userIds[i] as string, loaded[i] as PresenceModel);
  }

  get presence() {
    return this.#get('presence', (deps, viewer, opts) =>
      presenceLoader(deps, viewer, opts, this.#roomMateTest()),
    );
  }
  get readers() {
    return this.#get('readers', (deps, viewer, opts) => readersLoader(deps.db, viewer, opts));
  }
  get reactions() {
    return this.#get('reactions', reactionsLoader);
  }
  get user() {
    return this.#get('user', (deps, _viewer, opts) =>
      keyedLoader(
        // Through the instance's user cache: most users a request renders were read moments ago.
        (ids) =>
          deps.users.many(ids, async (missing) =>
            (await findUsersByIds(deps.db, missing)).map(userRowToModel),
          ),
        (u) => u.id,
        opts,
      ),
    );
  }
  get relationship() {
    return this.#get(
      'relationship',
      (deps, viewer, opts) =>
        new DataLoader((ids) => relationshipsOf(deps, viewer, ids), { cache: opts.cache }),
    );
  }
  get roomMembers() {
    return this.#get(
      'roomMembers',
      (deps, _viewer, opts) =>
        new DataLoader(
          async (roomIds) => {
            const byRoom = new Map<string, RoomMemberModel[]>(roomIds.map((id) => [id, []]));
            for (const r of await listMembers(deps.db, roomIds)) {
              byRoom.get(r.room_id)?.push({
                roomId: r.room_id,
                userId: r.user_id,
                role: r.role as RoomRole,
                joinedAt: r.joined_at,
              });
            }
            return roomIds.map((id) => byRoom.get(id) ?? []);
          },
          { cache: opts.cache },
        ),
    );
  }
  get message() {
    return this.#get('message', (deps, _viewer, opts) =>
      keyedLoader(
        async (ids) => (await findMessagesByIds(deps.db, ids)).map(messageRowToModel),
        (m) => m.id,
        opts,
      ),
    );
  }
  get meetingReviews() {
    return this.#get(
      'meetingReviews',
      (deps, _viewer, opts) => new DataLoader((ids) => reviewsByMeeting(deps, ids), { cache: opts.cache }),
    );
  }
  get myMembership() {
    return this.#get('myMembership', (deps, viewer, opts) =>
      keyedLoader(
        async (roomIds) =>
          viewer
            ? (await findMembershipsOf(deps.db, viewer.userId, roomIds)).map((r) => ({
                roomId: r.room_id,
                role: r.role as RoomRole,
                visibleFromSeq: Number(r.visible_from_seq),
              }))
            : [],
        (m) => m.roomId,
        opts,
      ),
    );
  }
  get messageAttachments() {
    return this.#get(
      'messageAttachments',
      (deps, _viewer, opts) =>
        new DataLoader(
          async (messageIds) => {
            const byMessage = new Map<string, AttachmentModel[]>(messageIds.map((id) => [id, []]));
            for (const r of await listAttachments(deps.db, messageIds))
              byMessage.get(r.message_id)?.push(fileRowToModel(r));
            return messageIds.map((id) => byMessage.get(id) ?? []);
          },
          { cache: opts.cache },
        ),
    );
  }
}
