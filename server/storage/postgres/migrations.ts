// The PostgreSQL schema, as numbered steps applied in order at start. Each step runs once, in a
// transaction, under an advisory lock: two nodes starting together never apply one twice, and a
// node started on an older database brings it up to date before serving.
import type { Pool } from 'pg';

/** A step never changes once released: add a new one instead. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sites (n bigserial, id text PRIMARY KEY, data jsonb NOT NULL);
  CREATE TABLE agents (
    n bigserial, id text PRIMARY KEY, data jsonb NOT NULL,
    site_id text GENERATED ALWAYS AS (data->>'siteId') STORED,
    email_lower text GENERATED ALWAYS AS (lower(data->>'email')) STORED
  );
  CREATE INDEX agents_site ON agents (site_id, n);
  CREATE INDEX agents_email ON agents (email_lower);
  CREATE TABLE sessions (token_hash text PRIMARY KEY, expires_at bigint NOT NULL, data jsonb NOT NULL);
  CREATE INDEX sessions_expiry ON sessions (expires_at);
  CREATE TABLE canned_replies (site_id text NOT NULL, id text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (site_id, id));
  CREATE TABLE unanswered (n bigserial, site_id text NOT NULL, id text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (site_id, id));
  CREATE INDEX unanswered_newest ON unanswered (site_id, n DESC);
  CREATE TABLE faq_additions (n bigserial, site_id text NOT NULL, id text NOT NULL, data jsonb NOT NULL, PRIMARY KEY (site_id, id));
  CREATE INDEX faq_additions_order ON faq_additions (site_id, n);
  CREATE TABLE visitors (
    id text PRIMARY KEY, data jsonb NOT NULL,
    site_id text GENERATED ALWAYS AS (data->>'siteId') STORED,
    token_hash text GENERATED ALWAYS AS (data->>'tokenHash') STORED
  );
  CREATE UNIQUE INDEX visitors_token ON visitors (site_id, token_hash);
  CREATE TABLE conversations (
    n bigserial, id text PRIMARY KEY, data jsonb NOT NULL,
    site_id text GENERATED ALWAYS AS (data->>'siteId') STORED,
    visitor_id text GENERATED ALWAYS AS (data->>'visitorId') STORED,
    status text GENERATED ALWAYS AS (data->>'status') STORED,
    lang text GENERATED ALWAYS AS (data->>'lang') STORED,
    assigned_agent_id text GENERATED ALWAYS AS (data->>'assignedAgentId') STORED,
    waiting_since bigint GENERATED ALWAYS AS (coalesce((data->>'queuedAt')::bigint, (data->>'createdAt')::bigint)) STORED,
    sort_at bigint GENERATED ALWAYS AS (coalesce((data->>'closedAt')::bigint, (data->>'updatedAt')::bigint)) STORED
  );
  CREATE INDEX conversations_queue ON conversations (site_id, status, lang, waiting_since, n);
  CREATE INDEX conversations_visitor ON conversations (site_id, visitor_id);
  CREATE INDEX conversations_agent ON conversations (site_id, assigned_agent_id) WHERE assigned_agent_id IS NOT NULL;
  CREATE INDEX conversations_newest ON conversations (site_id, sort_at DESC, id DESC);
  CREATE INDEX conversations_customer ON conversations USING gin ((data->'customer'));
  CREATE TABLE messages (
    conversation_id text NOT NULL REFERENCES conversations (id),
    seq integer NOT NULL,
    client_id text,
    data jsonb NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  );
  CREATE UNIQUE INDEX messages_client ON messages (conversation_id, client_id) WHERE client_id IS NOT NULL;
  `,
  // The console's FAQ editor: each entry's versions.
  `
  CREATE TABLE faq_versions (
    n bigserial, site_id text NOT NULL, lang text NOT NULL, entry_id text NOT NULL, version integer NOT NULL, data jsonb NOT NULL,
    PRIMARY KEY (site_id, lang, entry_id, version)
  );
  CREATE INDEX faq_versions_order ON faq_versions (site_id, n);
  `,
  // Order events (follow-ups), found by the customer the shop signed; conversations by their verified customer.
  `
  CREATE TABLE order_events (
    n bigserial, site_id text NOT NULL, event_id text NOT NULL, data jsonb NOT NULL,
    customer_id text GENERATED ALWAYS AS (data->'customer'->>'id') STORED,
    customer_email text GENERATED ALWAYS AS (data->'customer'->>'email') STORED,
    PRIMARY KEY (site_id, event_id)
  );
  CREATE INDEX order_events_customer ON order_events (site_id, customer_id);
  CREATE INDEX order_events_email ON order_events (site_id, customer_email) WHERE customer_id IS NULL;
  CREATE INDEX conversations_verified ON conversations (site_id, (data->'identity'->'verified'->>'sub')) WHERE data->'identity'->'verified' IS NOT NULL;
  `,
  // 4: the admin audit log, newest first, per site (an entry may concern several).
  `
  CREATE TABLE audit (
    id text PRIMARY KEY, at bigint NOT NULL, site_ids text[] NOT NULL, data jsonb NOT NULL
  );
  CREATE INDEX audit_newest ON audit (at DESC, id DESC);
  CREATE INDEX audit_sites ON audit USING gin (site_ids);
  `,
];

/** Any constant both nodes agree on: the key of the advisory lock that serialises migrations. */
const LOCK_KEY = 0x62756c6c;

/** Bring the database to the newest schema; returns the version it is at. */
export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS bulle_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM bulle_schema');
    const at = rows[0]?.v ?? 0;
    if (at > MIGRATIONS.length) throw new Error(`the database is at schema ${at}, newer than this Bulle (${MIGRATIONS.length}): upgrade Bulle`);
    for (let v = at + 1; v <= MIGRATIONS.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[v - 1]!);
        await client.query('INSERT INTO bulle_schema (version) VALUES ($1)', [v]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}
