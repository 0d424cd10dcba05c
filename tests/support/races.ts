import postgres from "postgres";

/**
 * Lost races, made deterministic on the real server: another connection inserts without committing,
 * the request passes its own checks (it cannot see that row) and blocks in the database; then the other
 * transaction commits and the database refuses the request. The domain must report the same error as
 * its own check would.
 */
export async function againstUncommittedInsert<T>(url: string, insert: (sql: postgres.TransactionSql) => Promise<unknown>, request: () => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    let release = () => {};
    let blockerInserted = () => {};
    const inserted = new Promise<void>((resolve) => (blockerInserted = resolve));
    const blocker = sql.begin(async (tx) => {
      await insert(tx);
      blockerInserted();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await inserted;
    let settled = false;
    const pending = request().finally(() => (settled = true));
    pending.catch(() => {}); // observed below
    const waiting = async () => (await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]?.n ?? 0;
    while (!settled && (await waiting()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await blocker;
    return await pending;
  } finally {
    await sql.end();
  }
}
