/**
 * Meeting reads: one meeting, the viewer's list and upcoming meetings, reviews
 * (for the loader) and the `meetingEvents` stream. Only participants see a
 * meeting; anyone else gets NOT_FOUND.
 */
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, notFound } from '../../graphql/errors.ts';
import { type Connection, decodeCursor, forwardPage, pageSize } from '../../lib/connections.ts';
import { parseId } from '../../lib/ids.ts';
import {
  type MeetingModel,
  type MeetingReviewModel,
  type MeetingRole,
  type MeetingStatus,
  meetingRowToModel,
  reviewRowToModel,
  roleOf,
} from './meetings.model.ts';
import * as repo from './meetings.repository.ts';
import { type MeetingEventPayload, meetingsTopic } from './meetings.topics.ts';

export async function getMeeting(deps: Deps, viewer: Viewer, id: string): Promise<MeetingModel> {
  const row = await repo.findMeeting(deps.db, parseId(id, 'Meeting'));
  const m = row && meetingRowToModel(row);
  if (!m || !roleOf(m, viewer.userId)) throw notFound('Meeting');
  return m;
}

export interface MeetingFilterInput {
  status?: readonly MeetingStatus[] | null | undefined;
  from?: Date | null | undefined;
  to?: Date | null | undefined;
  role?: MeetingRole | null | undefined;
}

export async function listMeetings(
  deps: Deps,
  viewer: Viewer,
  args: {
    filter?: MeetingFilterInput | null;
    order?: 'START_ASC' | 'START_DESC' | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<Connection<MeetingModel>> {
  const limit = pageSize(args.first, 20, 100);
  const after = decodeCursor(args.after, (v): v is { s: string; i: string } => {
    const c = v as { s?: unknown; i?: unknown } | null;
    return (
      typeof c?.s === 'string' &&
      !Number.isNaN(Date.parse(c.s)) &&
      typeof c.i === 'string' &&
      /^[0-9a-f-]{36}$/.test(c.i)
    );
  });
  const f = args.filter ?? {};
  if (f.from && f.to && f.from.getTime() >= f.to.getTime())
    throw badInput('`from` must be before `to`', { field: 'filter.to' });
  const rows = await repo.listMeetings(deps.db, {
    userId: viewer.userId,
    statuses: f.status ?? undefined,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    role: f.role ?? undefined,
    after: after && { startsAt: new Date(after.s), id: after.i },
    descending: args.order === 'START_DESC',
    limit: limit + 1,
  });
  return forwardPage(rows, limit, meetingRowToModel, (r) => ({ s: r.starts_at.toISOString(), i: r.id }));
}

/** Meetings not over yet (requested, accepted or in progress), soonest first. */
export async function upcomingMeetings(
  deps: Deps,
  viewer: Viewer,
  first: number | null | undefined,
): Promise<MeetingModel[]> {
  const limit = pageSize(first, 10, 50);
  const rows = await repo.listMeetings(deps.db, {
    userId: viewer.userId,
    statuses: ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS'],
    endsAfter: new Date(),
    limit,
  });
  return rows.map(meetingRowToModel);
}

/** For the `meetingReviews` loader: the reviews of each meeting, in one statement. */
export async function reviewsByMeeting(
  deps: Pick<Deps, 'db'>,
  meetingIds: readonly string[],
): Promise<MeetingReviewModel[][]> {
  const rows = await repo.reviewsOf(deps.db, meetingIds);
  const by = new Map<string, MeetingReviewModel[]>(meetingIds.map((id) => [id, []]));
  for (const r of rows) by.get(r.meeting_id)?.push(reviewRowToModel(r));
  return meetingIds.map((id) => by.get(id) ?? []);
}

/**
 * The reviews `viewerId` may see: their own always; the other's once both
 * reviewed or the meeting completed (so nobody rates in reaction to the other).
 */
export function visibleReviews(m: MeetingModel, reviews: MeetingReviewModel[], viewerId: string) {
  const open = m.status === 'COMPLETED' || reviews.length >= 2;
  return reviews.filter((r) => open || r.reviewerId === viewerId);
}

/** `meetingEvents`: the viewer's own topic; the topic is authorisation enough. */
export function meetingEvents(
  viewer: Viewer,
  subscribe: (topic: string) => Promise<AsyncIterable<MeetingEventPayload>>,
): Promise<AsyncIterable<MeetingEventPayload>> {
  return subscribe(meetingsTopic(viewer.userId));
}
