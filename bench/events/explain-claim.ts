// Diagnostic for the relay-throughput figure: EXPLAIN ANALYZE of the relay's claim query on a seeded outbox,
// before and after half of it is published (as mid-run). Postgres only.
//   npx tsx bench/events/explain-claim.ts [events=20000] [users=100]
import path from "node:path";
import { sql } from "drizzle-orm";
import { adminDatabaseUrl } from "../lib/postgres-admin";
import { createUsers, freshDatabase } from "./database";
import { seedOutbox } from "./outbox-seed";

// Same statement as startOutboxRelay's claim (relay.ts), written out so the plan can be read.
const CLAIM = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT o.id, o.event_id, o.topic, o.partition_key, o.event, o.attempts FROM outbox o
WHERE o.published_at IS NULL AND o.next_attempt_at <= now()
  AND NOT EXISTS (SELECT 1 FROM outbox AS earlier WHERE earlier.partition_key = o.partition_key
    AND earlier.published_at IS NULL AND earlier.id < o.id AND earlier.next_attempt_at > now())
ORDER BY o.id LIMIT 100 FOR UPDATE SKIP LOCKED`;

async function main() {
  const events = Number(process.argv[2] ?? 20_000);
  const userCount = Number(process.argv[3] ?? 100);
  const bench = await freshDatabase("postgres", adminDatabaseUrl(path.resolve(import.meta.dirname, "..", "..")));
  try {
    const users = await createUsers(bench.handle, userCount);
    await seedOutbox(bench.handle, users.map((u) => u.userId), events);
    const explain = async (label: string, statement = CLAIM) => {
      // postgres-js answers with an array of rows.
      const rows = (await bench.handle.db.execute(sql.raw(statement))) as unknown as { "QUERY PLAN": string }[];
      console.log(`--- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    };
    await explain("fresh outbox");
    // Publish the older half the way the relay does (lease update, then published_at), leaving dead tuples.
    await bench.handle.db.execute(sql.raw(`UPDATE outbox SET next_attempt_at = now() + interval '60 s' WHERE id <= ${events / 2}`));
    await bench.handle.db.execute(sql.raw(`UPDATE outbox SET published_at = now() WHERE id <= ${events / 2}`));
    await explain("half published (no vacuum yet)");
    await bench.handle.db.execute(sql.raw("ANALYZE outbox"));
    await explain("half published, after ANALYZE");
    // Proposed fix 1: the relay keeps a low-water mark (smallest id it has not published) and bounds both scans by it.
    const mark = events / 2;
    const bounded = CLAIM.replace("WHERE o.published_at IS NULL", `WHERE o.id > ${mark} AND o.published_at IS NULL`).replace(
      "earlier.id < o.id",
      `earlier.id > ${mark} AND earlier.id < o.id`,
    );
    await explain("half published, claim bounded by a low-water mark", bounded);
    // Proposed fix 2: a partial index in claim order, so ORDER BY id LIMIT n walks unpublished rows only.
    await bench.handle.db.execute(sql.raw("CREATE INDEX outbox_pending_id_idx ON outbox (id) WHERE published_at IS NULL"));
    await explain("half published, with a partial index on (id) WHERE published_at IS NULL");
    await bench.handle.db.execute(sql.raw("DROP INDEX outbox_pending_id_idx"));
    // Steady state of a long-running app: a large published history (never pruned), vacuumed, few pending rows.
    await bench.handle.db.execute(sql.raw(`UPDATE outbox SET published_at = now() WHERE id <= ${events - 100}`));
    await bench.handle.db.execute(sql.raw("VACUUM ANALYZE outbox"));
    await explain(`${events - 100} published rows of history (vacuumed), 100 pending`);
  } finally {
    await bench.drop();
  }
}

void main();
