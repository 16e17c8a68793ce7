/**
 * The time in milliseconds, read from the system clock at most once per
 * event-loop turn. Reading the clock (`Date.now()`) costs about 90 ns on
 * these VMs, about twice a Map lookup: a room list page checked its cached
 * users' age 200 times, and the clock was most of what those checks cost
 * (BENCHMARKS.md, entry 72). Within one turn the value stands still, so use
 * it only where being late by one turn (milliseconds, tens under load) does
 * not matter, such as a cache entry's lifetime of a minute.
 */
let reading = 0;
let fresh = false;

function expire(): void {
  fresh = false;
}

export function turnNow(): number {
  if (!fresh) {
    reading = Date.now();
    fresh = true;
    setImmediate(expire);
  }
  return reading;
}
