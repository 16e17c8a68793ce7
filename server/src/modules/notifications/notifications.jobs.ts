import { inTransaction } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../plugins/jobs.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { messageDigestEmail } from './notifications.emails.ts';
import { defaultEmailEnabled } from './notifications.model.ts';
import * as repo from './notifications.repository.ts';

export const MESSAGE_DIGEST_JOB = 'notifications.message-digest';

export interface MessageDigestJobData {
  notificationId: string;
}

/**
 * Emails a MESSAGE notification that stayed unread for the digest delay.
 * Scheduled once per unread MESSAGE notification, when it is first inserted
 * (later messages collapse into it). It re-reads the row under a lock when it
 * runs and does nothing if the notification was read, is gone, was already
 * emailed (a retried job) or the user turned message emails off since.
 */
export function messageDigestJob(deps: Deps): JobDefinition<MessageDigestJobData> {
  return {
    name: MESSAGE_DIGEST_JOB,
    // Every job here is deferred, and pg-boss only NOTIFYs for jobs runnable at
    // once; with notify on, a due deferred job waits for the 30 s backstop poll.
    // So this queue polls instead: a digest goes out within ~2 s of its due time.
    // Batches, fetched back to back while full, so a burst of due digests
    // does not drain at one job per poll.
    queue: { notify: false },
    work: { pollingIntervalSeconds: 2, batchSize: 20, burstWhenBatchFull: true },
    async handler({ notificationId }) {
      await inTransaction(deps, async ({ trx }) => {
        const n = await repo.lockNotification(trx, notificationId);
        // Its text follows edits and deletions of the latest message (`messageChanged`); one whose
        // only message was deleted was marked read then.
        if (n?.type !== 'MESSAGE' || n.read_at || n.emailed_at) return;
        const to = await repo.findRecipient(trx, n.recipient_id, 'MESSAGE');
        if (!to || !(to.email_enabled ?? defaultEmailEnabled('MESSAGE'))) return;
        const email = messageDigestEmail(
          deps.config,
          { id: to.id, email: to.email, displayName: to.display_name },
          { ...n, direct: await repo.isDirectRoom(trx, (n.data as { roomId?: string } | null)?.roomId) },
        );
        await queueEmail(deps, email, trx);
        await repo.markEmailed(trx, n.id, new Date());
      });
    },
  };
}
