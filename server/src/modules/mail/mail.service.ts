import type { Transaction } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Deps } from '../../deps.ts';

export const EMAIL_JOB = 'email.send';

/** An email to send; rendered by the caller (with times in the recipient's zone). */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** An iCalendar attachment (meeting invitations). */
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
}

/**
 * Queues an email on the pg-boss email job: a slow or failing mail server never
 * blocks a request, and sending inside `trx` means a rolled-back change sends nothing.
 */
export async function queueEmail(deps: Deps, message: EmailMessage, trx?: Transaction<DB>): Promise<void> {
  await deps.jobs.send(EMAIL_JOB, message, trx ? { trx } : {});
}
