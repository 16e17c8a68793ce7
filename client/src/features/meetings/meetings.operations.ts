import { graphql } from '../../gql/index.ts';

/*
 * Every meeting mutation answers the meeting: asking for the fields the
 * detail and the list row show updates both from the answer (normalized by id).
 */

export const AcceptMeetingMutation = graphql(`
  mutation AcceptMeeting($id: ID!) {
    acceptMeeting(id: $id) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const DeclineMeetingMutation = graphql(`
  mutation DeclineMeeting($id: ID!, $reason: String) {
    declineMeeting(id: $id, reason: $reason) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String) {
    cancelMeeting(id: $id, reason: $reason) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const ProposeRescheduleMutation = graphql(`
  mutation ProposeReschedule($id: ID!, $startsAt: DateTime!, $reason: String) {
    proposeReschedule(id: $id, startsAt: $startsAt, reason: $reason) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const AcceptRescheduleMutation = graphql(`
  mutation AcceptReschedule($id: ID!) {
    acceptReschedule(id: $id) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const RejectRescheduleMutation = graphql(`
  mutation RejectReschedule($id: ID!, $reason: String) {
    rejectReschedule(id: $id, reason: $reason) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const SubmitMeetingReviewMutation = graphql(`
  mutation SubmitMeetingReview($id: ID!, $rating: Int!, $comment: String) {
    submitMeetingReview(id: $id, rating: $rating, comment: $comment) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);

export const RequestMeetingMutation = graphql(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) {
      id
      ...MeetingDetails_meeting
      ...MeetingCard_meeting
    }
  }
`);
