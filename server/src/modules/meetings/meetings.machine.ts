/**
 * The meeting lifecycle: the one place that decides whether a transition is
 * allowed. Services and job workers call `decide` on the meeting they locked
 * (SELECT … FOR UPDATE) and apply its answer; nothing else changes `status`.
 *
 *   REQUESTED ──accept──▶ ACCEPTED ──start──▶ IN_PROGRESS ──end──▶ ENDED ──both reviews / window over──▶ COMPLETED
 *       │ decline ▶ DECLINED   │ cancel ▶ CANCELLED
 *       │ cancel (requester) ▶ CANCELLED
 *       │ expire (scheduler, at the start, unanswered) ▶ EXPIRED
 *   ACCEPTED also carries an optional pending reschedule proposal (a sub-state:
 *   proposed_starts_at / proposed_by / proposal_reason): either party proposes,
 *   the other accepts (the time changes, `version` + 1) or rejects it.
 *   DECLINED, CANCELLED, EXPIRED and COMPLETED are final.
 *
 * Errors: an action the state does not allow → BAD_USER_INPUT; an action the
 * state allows but not for this participant → FORBIDDEN. (Someone who is not a
 * participant never gets here: the service answers NOT_FOUND first.)
 */
import { badInput, forbidden } from '../../graphql/errors.ts';
import type { MeetingModel, MeetingRole, MeetingStatus } from './meetings.model.ts';

export type MeetingCommand =
  | 'ACCEPT'
  | 'DECLINE'
  | 'CANCEL'
  | 'PROPOSE_RESCHEDULE'
  | 'ACCEPT_RESCHEDULE'
  | 'REJECT_RESCHEDULE'
  | 'REVIEW'
  | 'START'
  | 'END'
  | 'COMPLETE'
  | 'EXPIRE';

/** Who acts: a participant (by role and id) or the scheduler. */
export type MeetingActor = { role: MeetingRole; userId: string } | 'SYSTEM';

/** Who may fire a rule; COUNTERPART = the participant who did not make the pending proposal. */
type ActorRule = MeetingRole | 'COUNTERPART' | 'SYSTEM';

interface Transition {
  command: MeetingCommand;
  from: readonly MeetingStatus[];
  actors: readonly ActorRule[];
  /** The new status; 'SAME' keeps it (e.g. a proposal inside ACCEPTED). */
  to: MeetingStatus | 'SAME';
  /** Needs a pending reschedule proposal. */
  needsProposal?: boolean;
}

const PARTIES: readonly ActorRule[] = ['REQUESTER', 'INVITEE'];

/** (command, from-state, actor) → to-state. Anything not listed is refused. */
export const TRANSITIONS: readonly Transition[] = [
  { command: 'ACCEPT', from: ['REQUESTED'], actors: ['INVITEE'], to: 'ACCEPTED' },
  { command: 'DECLINE', from: ['REQUESTED'], actors: ['INVITEE'], to: 'DECLINED' },
  { command: 'CANCEL', from: ['REQUESTED'], actors: ['REQUESTER'], to: 'CANCELLED' },
  { command: 'CANCEL', from: ['ACCEPTED'], actors: PARTIES, to: 'CANCELLED' },
  { command: 'PROPOSE_RESCHEDULE', from: ['ACCEPTED'], actors: PARTIES, to: 'SAME' },
  {
    command: 'ACCEPT_RESCHEDULE',
    from: ['ACCEPTED'],
    actors: ['COUNTERPART'],
    to: 'SAME',
    needsProposal: true,
  },
  {
    command: 'REJECT_RESCHEDULE',
    from: ['ACCEPTED'],
    actors: ['COUNTERPART'],
    to: 'SAME',
    needsProposal: true,
  },
  { command: 'REVIEW', from: ['ENDED'], actors: PARTIES, to: 'SAME' },
  { command: 'START', from: ['ACCEPTED'], actors: ['SYSTEM'], to: 'IN_PROGRESS' },
  // From ACCEPTED too: if the start job ran late (or after the end), the end still happens.
  { command: 'END', from: ['ACCEPTED', 'IN_PROGRESS'], actors: ['SYSTEM'], to: 'ENDED' },
  { command: 'COMPLETE', from: ['ENDED'], actors: ['SYSTEM'], to: 'COMPLETED' },
  // A request still unanswered when its start comes lapses; only a request can.
  { command: 'EXPIRE', from: ['REQUESTED'], actors: ['SYSTEM'], to: 'EXPIRED' },
];

/**
 * Repeating a command that already took effect returns the meeting unchanged
 * (safe retries): accepting an accepted meeting, declining a declined one,
 * cancelling a cancelled one.
 */
const ALREADY_DONE: readonly {
  command: MeetingCommand;
  status: MeetingStatus;
  actors: readonly ActorRule[];
}[] = [
  { command: 'ACCEPT', status: 'ACCEPTED', actors: ['INVITEE'] },
  { command: 'DECLINE', status: 'DECLINED', actors: ['INVITEE'] },
  { command: 'CANCEL', status: 'CANCELLED', actors: PARTIES },
];

export type Decision = { apply: true; to: MeetingStatus } | { apply: false };

const VERBS: Record<MeetingCommand, string> = {
  ACCEPT: 'accept',
  DECLINE: 'decline',
  CANCEL: 'cancel',
  PROPOSE_RESCHEDULE: 'reschedule',
  ACCEPT_RESCHEDULE: 'accept a new time for',
  REJECT_RESCHEDULE: 'reject a new time for',
  REVIEW: 'review',
  START: 'start',
  END: 'end',
  COMPLETE: 'complete',
  EXPIRE: 'expire',
};

function matches(rule: ActorRule, actor: MeetingActor, m: MeetingModel): boolean {
  if (actor === 'SYSTEM') return rule === 'SYSTEM';
  if (rule === 'COUNTERPART')
    return m.pendingReschedule !== null && m.pendingReschedule.proposedById !== actor.userId;
  return rule === actor.role;
}

/**
 * Whether `actor` may apply `command` to `m`, and the resulting status.
 * `{ apply: false }` means "already done": return the meeting unchanged.
 * Throws BAD_USER_INPUT / FORBIDDEN (with `details.status`) otherwise.
 */
export function decide(m: MeetingModel, command: MeetingCommand, actor: MeetingActor): Decision {
  if (
    ALREADY_DONE.some(
      (d) => d.command === command && d.status === m.status && d.actors.some((a) => matches(a, actor, m)),
    )
  )
    return { apply: false };
  const rules = TRANSITIONS.filter((t) => t.command === command && t.from.includes(m.status));
  if (rules.length === 0)
    throw badInput(
      `You can't ${VERBS[command]} a meeting that is ${m.status.toLowerCase().replace('_', ' ')}`,
      {
        status: m.status,
      },
    );
  if (rules.some((r) => r.needsProposal) && !m.pendingReschedule)
    throw badInput('There is no pending proposal for a new time', { status: m.status });
  const rule = rules.find((r) => r.actors.some((a) => matches(a, actor, m)));
  if (!rule) throw forbidden(`You can't ${VERBS[command]} this meeting`);
  return { apply: true, to: rule.to === 'SAME' ? m.status : rule.to };
}

/** Statuses in which the meeting holds its participants' time (slots, scheduled jobs). */
export const HOLDS_TIME: readonly MeetingStatus[] = ['ACCEPTED', 'IN_PROGRESS'];
