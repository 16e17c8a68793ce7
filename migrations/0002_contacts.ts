import { type Kysely, sql } from 'kysely';

/** Friend requests, friendships and blocks. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  // Pending requests only: accepting or declining deletes the row.
  await db.schema
    .createTable('friend_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('from_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('to_user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('friend_requests_not_self', sql`from_user_id <> to_user_id`)
    .execute();
  // At most one pending request per pair, whichever direction: two people
  // requesting each other at the same moment cannot both insert.
  await sql`CREATE UNIQUE INDEX friend_requests_pair_key ON friend_requests (least(from_user_id, to_user_id), greatest(from_user_id, to_user_id))`.execute(
    db,
  );
  await db.schema
    .createIndex('friend_requests_to_idx')
    .on('friend_requests')
    .columns(['to_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('friend_requests_from_idx')
    .on('friend_requests')
    .columns(['from_user_id', 'created_at'])
    .execute();

  // Symmetric: one row per direction, so "my contacts" is a single index range.
  await db.schema
    .createTable('friendships')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('friend_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('friendships_pkey', ['user_id', 'friend_id'])
    .addCheckConstraint('friendships_not_self', sql`user_id <> friend_id`)
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('blocker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('blocked_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('blocks_pkey', ['blocker_id', 'blocked_id'])
    .addCheckConstraint('blocks_not_self', sql`blocker_id <> blocked_id`)
    .execute();
  await db.schema.createIndex('blocks_blocked_idx').on('blocks').columns(['blocked_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('blocks').execute();
  await db.schema.dropTable('friendships').execute();
  await db.schema.dropTable('friend_requests').execute();
}
