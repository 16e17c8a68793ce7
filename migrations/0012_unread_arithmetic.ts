import { type Kysely, sql } from 'kysely';

/**
 * Unread counts by seq arithmetic (rooms.views.repository.ts): seqs are
 * gap-free per room, so the messages after a member's read pointer number
 * `last_seq - pointer`; from that we subtract the few that do not count.
 * This partial index holds only those that never count for anyone (SYSTEM
 * messages and tombstones), so counting them after a pointer reads a handful
 * of index entries instead of every unread message. (The member's own
 * messages after the pointer, rare because sending moves it, come from
 * messages_room_sender_seq_idx.)
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX messages_room_uncounted_idx ON messages (room_id, seq)
    WHERE kind <> 'USER' OR deleted_at IS NOT NULL`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX messages_room_uncounted_idx`.execute(db);
}
