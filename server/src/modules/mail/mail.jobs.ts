import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { JobDefinition } from '../../plugins/jobs.ts';
import { EMAIL_JOB, type EmailMessage } from './mail.service.ts';

/** Folder where `.eml` files are written when no SMTP_URL is configured. */
export const outboxDir = (config: Config) => path.join(config.dataDir, 'outbox');

/** An SMTP reply that will not change on a retry (5xx: no such mailbox, refused, too big). */
function permanentRefusal(err: unknown): number | undefined {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 ? code : undefined;
}

/**
 * The email worker. With SMTP_URL it sends through SMTP; otherwise it writes
 * each message as an `.eml` file in the outbox folder (development and tests
 * read them). The job id is the Message-ID and the file name, so a retried
 * job overwrites instead of duplicating.
 *
 * Temporary failures (a 4xx reply, a connection problem) fail the job, and
 * pg-boss retries it with backoff. A permanent refusal (5xx) ends it at once
 * with a warning: retrying would only repeat the refusal.
 */
export function emailJob(config: Config): JobDefinition<EmailMessage> {
  const smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const host = new URL(config.publicUrl).hostname || 'parley.local';
  return {
    name: EMAIL_JOB,
    queue: { retryLimit: 5, retryDelay: config.mailRetryDelaySeconds, retryBackoff: true },
    async handler(msg, job, log) {
      const mail = {
        from: config.mailFrom,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html ? { html: msg.html } : {}),
        ...(msg.headers ? { headers: msg.headers } : {}),
        ...(msg.icalEvent ? { icalEvent: msg.icalEvent } : {}),
        messageId: `<${job.id}@${host}>`,
      };
      if (smtp) {
        try {
          await smtp.sendMail(mail);
        } catch (err) {
          const code = permanentRefusal(err);
          if (code === undefined) throw err;
          log.warn(
            { responseCode: code, reason: (err as Error).message },
            'email refused for good; not retried',
          );
        }
        return;
      }
      const info = await stream.sendMail(mail);
      const dir = outboxDir(config);
      await fs.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${job.id}.tmp`);
      await fs.writeFile(tmp, info.message as Buffer);
      await fs.rename(tmp, path.join(dir, `${job.id}.eml`)); // atomic: readers never see half a file
    },
  };
}
