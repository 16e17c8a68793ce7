import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { typeLabel, verifyUnsubscribeToken } from './notifications.emails.ts';
import { unsubscribe } from './notifications.preferences.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(reply: FastifyReply, status: number, title: string, inner: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Parley</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">` +
        `<h1>${escapeHtml(title)}</h1>${inner}</body></html>`,
    );
}

interface UnsubscribeQuery {
  token?: string;
}

/**
 * GET /unsubscribe?token=… shows what the link turns off and a button; POST
 * does it. GET never changes anything because mail scanners and link
 * previewers fetch links (RFC 8058 §1); the POST is both the button and the
 * RFC 8058 one-click request (`List-Unsubscribe=One-Click`) mail clients send.
 * A token that does not verify is 400. Not wrapped in fastify-plugin: the
 * catch-all body parser below stays inside this plugin.
 */
export function unsubscribeRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    // One-click POSTs come as form-urlencoded or multipart; the token is in the URL, the body is ignored.
    app.addContentTypeParser('*', { bodyLimit: 4096 }, (_req, payload, done) => {
      payload.resume();
      payload.on('end', () => done(null, undefined));
      payload.on('error', done);
    });

    app.get<{ Querystring: UnsubscribeQuery }>('/unsubscribe', async (req, reply) => {
      const claims = verifyUnsubscribeToken(deps.config, req.query.token ?? '');
      if (!claims) return invalid(reply);
      const action = `/unsubscribe?token=${encodeURIComponent(req.query.token ?? '')}`;
      return page(
        reply,
        200,
        'Unsubscribe',
        `<p>Stop emails about ${escapeHtml(typeLabel(claims.type))}? You will still see these notifications in Parley.</p>` +
          `<form method="post" action="${escapeHtml(action)}"><button type="submit">Unsubscribe</button></form>`,
      );
    });

    app.post<{ Querystring: UnsubscribeQuery }>('/unsubscribe', async (req, reply) => {
      const claims = verifyUnsubscribeToken(deps.config, req.query.token ?? '');
      if (!claims) return invalid(reply);
      await unsubscribe(deps, claims.userId, claims.type);
      return page(
        reply,
        200,
        'Unsubscribed',
        `<p>You will no longer get emails about ${escapeHtml(typeLabel(claims.type))}. ` +
          `You can turn them back on in Parley's notification settings.</p>`,
      );
    });
  };
}

function invalid(reply: FastifyReply) {
  return page(reply, 400, 'Invalid link', '<p>This unsubscribe link is invalid or incomplete.</p>');
}
