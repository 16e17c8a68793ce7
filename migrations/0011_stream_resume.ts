import { type Kysely, sql } from 'kysely';

/**
 * What `myEvents(since:)` needs to resume a per-user stream from PostgreSQL.
 *
 * - `room_departures`: the rooms a user left or was removed from, and when, so
 *   a resuming client is told RoomRemoved for them. Kept by triggers on
 *   room_members (a rejoin deletes the row), so no code path can forget it.
 * - `user_stream_marks.contacts_changed_at`: the last change to anything in a
 *   user's contacts (requests, friendships, blocks), bumped by triggers. A
 *   resume past such a change asks the client to refetch its contacts.
 *   A separate table, not a users column, so hot user rows are not locked;
 *   both people's rows are upserted in id order (no deadlock between the two
 *   directions of a pair).
 *
 * Neither table has foreign keys: the triggers also fire while a user or room
 * is being deleted (cascades), and a stale mark is harmless.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('room_departures')
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('room_id', 'uuid', (c) => c.notNull())
    .addColumn('left_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('room_departures_pkey', ['user_id', 'room_id'])
    .execute();
  await sql`CREATE INDEX room_departures_user_time_idx ON room_departures (user_id, left_at)`.execute(db);
  await sql`
    CREATE FUNCTION room_members_track_departures() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        INSERT INTO room_departures (user_id, room_id, left_at) VALUES (OLD.user_id, OLD.room_id, clock_timestamp())
        ON CONFLICT (user_id, room_id) DO UPDATE SET left_at = EXCLUDED.left_at;
        RETURN OLD;
      END IF;
      DELETE FROM room_departures WHERE user_id = NEW.user_id AND room_id = NEW.room_id;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER room_members_departures AFTER INSERT OR DELETE ON room_members
    FOR EACH ROW EXECUTE FUNCTION room_members_track_departures()`.execute(db);

  await db.schema
    .createTable('user_stream_marks')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey())
    .addColumn('contacts_changed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // Arguments: the two user-id columns of the table.
  await sql`
    CREATE FUNCTION contacts_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      a uuid;
      b uuid;
    BEGIN
      EXECUTE format('SELECT ($1).%I, ($1).%I', TG_ARGV[0], TG_ARGV[1]) INTO a, b USING r;
      INSERT INTO user_stream_marks (user_id, contacts_changed_at)
      SELECT u, clock_timestamp() FROM unnest(ARRAY[least(a, b), greatest(a, b)]) AS u
      ON CONFLICT (user_id) DO UPDATE SET contacts_changed_at = EXCLUDED.contacts_changed_at;
      RETURN NULL;
    END $$`.execute(db);
  for (const [table, a, b] of [
    ['friend_requests', 'from_user_id', 'to_user_id'],
    ['friendships', 'user_id', 'friend_id'],
    ['blocks', 'blocker_id', 'blocked_id'],
  ] as const) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_mark_contacts`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION contacts_mark_changed(${sql.lit(a)}, ${sql.lit(b)})`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['friend_requests', 'friendships', 'blocks'])
    await sql`DROP TRIGGER ${sql.raw(`${table}_mark_contacts`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION contacts_mark_changed()`.execute(db);
  await db.schema.dropTable('user_stream_marks').execute();
  await sql`DROP TRIGGER room_members_departures ON room_members`.execute(db);
  await sql`DROP FUNCTION room_members_track_departures()`.execute(db);
  await db.schema.dropTable('room_departures').execute();
}
