import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "@/server/db/schema";
import { createDomainContext } from "@/server/domain/context";
import { listTasks } from "@/server/domain/tasks/list";
import type { Database } from "@/server/db/client";
import { listInputs } from "./list-inputs";
import { postgresExec, runListSql } from "./sql-baseline";
import { runSqlBaseline, explainReads } from "./sql-runs";
const url = "postgres://cadence:cadence@127.0.0.1:5432/cadence_bench_smoke";
const sql = postgres(url, { max: 20, onnotice: () => {} });
const db = drizzle({ client: sql, schema }) as unknown as Database;
const userId = "heavy1";
const ctx = createDomainContext({ db, userId });
const taxonomy = {
  tagIds: (await sql`select id from tags where user_id = ${userId} order by name`).map((r) => String(r.id)),
  categoryIds: (await sql`select id from categories where user_id = ${userId} order by name`).map((r) => String(r.id)),
};
const inputs = listInputs(taxonomy);
const exec = postgresExec(sql);
let bad = 0;
for (const input of [...inputs.search, ...inputs.filtered, ...inputs.sorted]) {
  const t0 = performance.now();
  const app = await listTasks(ctx, input);
  const t1 = performance.now();
  const direct = await runListSql(exec, userId, input);
  const t2 = performance.now();
  const same = app.total === direct.total && app.items.map((i) => i.id).join() === direct.ids.join();
  if (!same) bad++;
  console.log(same ? "ok " : "BAD", JSON.stringify(input).slice(0, 70).padEnd(70), app.total, direct.total, (t1 - t0).toFixed(1), (t2 - t1).toFixed(1), direct.fuzzy);
}
console.log("mismatches", bad);
const r = await runSqlBaseline(sql, userId, inputs.filtered, { connections: 32, durationSeconds: 3, warmupSeconds: 1 });
console.log("filtered sql", r.latencyMs, r.requestsPerSecond, r.errors);
await sql.end();
