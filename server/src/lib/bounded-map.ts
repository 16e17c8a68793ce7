/**
 * A Map that holds at most `max` entries: setting a new key when full drops
 * the oldest-inserted one first. Re-setting a key (delete, then set) moves it
 * to the end, which makes it least-recently-used eviction for callers that
 * do so on every hit.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly max: number;

  constructor(max: number) {
    super();
    this.max = max;
  }

  override set(key: K, value: V): this {
    if (this.size >= this.max && !this.has(key)) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}
