import type { MeetingKind, MeetingStatus } from '../../gql/graphql.ts';

export const STATUS_LABEL: Record<MeetingStatus, string> = {
  REQUESTED: 'Requested',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  CANCELLED: 'Cancelled',
  IN_PROGRESS: 'In progress',
  ENDED: 'Ended',
  COMPLETED: 'Completed',
  EXPIRED: 'Expired',
};

export const KIND_LABEL: Record<MeetingKind, string> = {
  VIDEO: 'Video call',
  IN_PERSON: 'In person',
};
