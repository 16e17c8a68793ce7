import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { formatInZone } from '../../lib/time.ts';
import { type MeetingModel, otherParticipant, reviveMeeting, roleOf } from './meetings.model.ts';
import * as queries from './meetings.queries.ts';
import * as meetings from './meetings.service.ts';
import type { MeetingEventPayload } from './meetings.topics.ts';

/** Meetings reach field resolvers only through participant checks, so the viewer is a participant. */
function myRole(m: MeetingModel, userId: string) {
  const role = roleOf(m, userId);
  if (!role) throw new Error('meeting resolved for a non-participant');
  return role;
}

const at = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export const meetingsResolvers: Resolvers = {
  Query: {
    meeting: (_p, { id }, ctx) => queries.getMeeting(ctx.deps, requireViewer(ctx), id),
    meetings: (_p, args, ctx) => queries.listMeetings(ctx.deps, requireViewer(ctx), args),
    upcomingMeetings: (_p, { first }, ctx) => queries.upcomingMeetings(ctx.deps, requireViewer(ctx), first),
  },
  Mutation: {
    requestMeeting: (_p, { input }, ctx) => meetings.requestMeeting(ctx.deps, requireViewer(ctx), input),
    acceptMeeting: (_p, { id }, ctx) => meetings.acceptMeeting(ctx.deps, requireViewer(ctx), id),
    declineMeeting: (_p, { id, reason }, ctx) =>
      meetings.declineMeeting(ctx.deps, requireViewer(ctx), id, reason),
    cancelMeeting: (_p, { id, reason }, ctx) =>
      meetings.cancelMeeting(ctx.deps, requireViewer(ctx), id, reason),
    proposeReschedule: (_p, { id, startsAt, reason }, ctx) =>
      meetings.proposeReschedule(ctx.deps, requireViewer(ctx), id, startsAt, reason),
    acceptReschedule: (_p, { id }, ctx) => meetings.acceptReschedule(ctx.deps, requireViewer(ctx), id),
    rejectReschedule: (_p, { id, reason }, ctx) =>
      meetings.rejectReschedule(ctx.deps, requireViewer(ctx), id, reason),
    submitMeetingReview: (_p, { id, rating, comment }, ctx) =>
      meetings.submitReview(ctx.deps, requireViewer(ctx), id, rating, comment),
  },
  Subscription: {
    meetingEvents: {
      // The topic is the viewer's own: only the two participants' topics get a meeting's events.
      subscribe: (_r, _a, ctx) =>
        queries.meetingEvents(requireViewer(ctx), (topic) => ctx.pubsub.subscribe(topic)),
      resolve: (payload: MeetingEventPayload) => ({ ...payload, meeting: reviveMeeting(payload.meeting) }),
    },
  },
  Meeting: {
    requester: (m, _a, ctx) => ctx.loaders.user.load(m.requesterId),
    invitee: (m, _a, ctx) => ctx.loaders.user.load(m.inviteeId),
    otherParticipant: (m, _a, ctx) => ctx.loaders.user.load(otherParticipant(m, requireViewer(ctx).userId)),
    myRole: (m, _a, ctx) => myRole(m, requireViewer(ctx).userId),
    cancelledBy: (m, _a, ctx) => (m.cancelledById ? ctx.loaders.user.load(m.cancelledById) : null),
    reviews: async (m, _a, ctx) =>
      queries.visibleReviews(m, await ctx.loaders.meetingReviews.load(m.id), requireViewer(ctx).userId),
    reviewedByMe: async (m, _a, ctx) => {
      const me = requireViewer(ctx).userId;
      return (await ctx.loaders.meetingReviews.load(m.id)).some((r) => r.reviewerId === me);
    },
    startsAtLocal: async (m, _a, ctx) => {
      const me = await ctx.loaders.user.load(requireViewer(ctx).userId);
      return formatInZone(at(m.startsAt), me?.timeZone ?? 'UTC');
    },
    otherPartyStartsAtLocal: async (m, _a, ctx) => {
      const other = await ctx.loaders.user.load(otherParticipant(m, requireViewer(ctx).userId));
      return formatInZone(at(m.startsAt), other?.timeZone ?? 'UTC');
    },
  },
  MeetingReschedule: {
    proposedBy: (p, _a, ctx) => ctx.loaders.user.load(p.proposedById),
  },
  MeetingRescheduleRejection: {
    rejectedBy: (r, _a, ctx) => (r.rejectedById ? ctx.loaders.user.load(r.rejectedById) : null),
  },
  MeetingReview: {
    reviewer: (r, _a, ctx) => ctx.loaders.user.load(r.reviewerId),
  },
};
