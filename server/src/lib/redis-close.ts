import type { Redis } from 'ioredis';

/**
 * Closes an ioredis connection without ever hanging shutdown. A connection
 * that is ready says goodbye (QUIT, so what it sent is answered first), for
 * at most `waitMs`; any other (waiting to reconnect, or connected to a server
 * that does not answer) is dropped at once: ioredis would queue the QUIT
 * behind a connection that may never come, and its promise with it.
 */
export async function closeRedis(redis: Redis, waitMs = 2_000): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), waitMs);
    timer.unref();
  });
  const said = await Promise.race([redis.quit().catch(() => 'failed' as const), late]);
  clearTimeout(timer);
  if (said !== 'OK') redis.disconnect();
}
