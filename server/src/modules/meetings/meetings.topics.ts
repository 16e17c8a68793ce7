import type { MeetingAction, MeetingModel } from './meetings.model.ts';

/**
 * The per-user topic behind `meetingEvents`: every change to a meeting is
 * published, after commit, on the topics of its two participants (and nobody
 * else's), so a subscriber needs no per-meeting authorisation.
 */
export const meetingsTopic = (userId: string) => `meetings:${userId}`;

/** Crosses Redis as JSON: Dates arrive as strings (see `reviveMeeting`). */
export interface MeetingEventPayload {
  meeting: MeetingModel;
  action: MeetingAction;
  /** Who caused it; null for the scheduler (start, end, auto-complete). */
  actorId: string | null;
}
