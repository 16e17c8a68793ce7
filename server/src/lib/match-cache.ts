/**
 * Remembers which listeners a topic matches, in front of mqemitter's Qlobber.
 *
 * mqemitter asks its Qlobber for a topic's listeners on every emit: the topic
 * is split into words (a new array and strings), and each word is looked up
 * in the trie's Maps, hashing the room or user id again. A sent message is
 * emitted on 11 topics (its room, and each member's user topic for the
 * RoomViewChanged marker), so at 1,000 msg/s that was 2.2 % of the server's
 * CPU in a fanout profile (BENCHMARKS.md, entry 78), and an instance behind
 * Redis matches each topic twice (pubsub.ts checks for local listeners
 * before delivering).
 *
 * Listeners change far less often than events arrive: a subscription starts
 * or stops. Any change (add, remove, clear) drops every remembered match, so
 * a match never returns a listener removed before it or misses one added
 * before it. Arrays handed out are shared between calls: callers must not
 * change them (mqemitter and pubsub.ts only read them). At most `maxTopics`
 * topics are remembered (topics nobody listens to are remembered too: a
 * member's user topic while they are offline); past that the memory starts
 * over.
 */

/** The part of Qlobber (qlobber 8) this wraps. */
export interface TopicMatcher {
  match(topic: string, ctx?: unknown): unknown[];
  add(topic: string, value: unknown): unknown;
  remove(topic: string, value?: unknown): unknown;
  clear(): unknown;
}

const CACHED = Symbol('parley.matchCache');

/** Hits and misses of the cache installed on `matcher`; undefined when none is. */
export const matchCacheStats = (
  matcher: TopicMatcher,
): { readonly hits: number; readonly misses: number } | undefined =>
  (matcher as TopicMatcher & { [CACHED]?: { hits: number; misses: number } })[CACHED];

/** Installs the cache on `matcher` (an mqemitter's `_matcher`); idempotent. Returns its statistics. */
export function cacheMatches(
  matcher: TopicMatcher,
  maxTopics = 20_000,
): { readonly hits: number; readonly misses: number } {
  const installed = matchCacheStats(matcher);
  if (installed) return installed;
  const stats = { hits: 0, misses: 0 };
  const known = new Map<string, unknown[]>();
  const forget = () => known.clear();
  const match = matcher.match.bind(matcher);
  const add = matcher.add.bind(matcher);
  const remove = matcher.remove.bind(matcher);
  const clear = matcher.clear.bind(matcher);
  matcher.match = (topic, ctx) => {
    // A context may change what matches (Qlobber passes it to its own hooks): not remembered.
    if (ctx !== undefined) return match(topic, ctx);
    let values = known.get(topic);
    if (values === undefined) {
      stats.misses++;
      values = match(topic);
      if (known.size >= maxTopics) known.clear();
      known.set(topic, values);
    } else stats.hits++;
    return values;
  };
  matcher.add = (topic, value) => {
    forget();
    return add(topic, value);
  };
  matcher.remove = (topic, value) => {
    forget();
    return remove(topic, value);
  };
  matcher.clear = () => {
    forget();
    return clear();
  };
  Object.defineProperty(matcher, CACHED, { value: stats });
  return stats;
}
