import postgres from "postgres";
import { listInputs } from "./list-inputs";
import { explainReads } from "./sql-runs";
const sql = postgres("postgres://cadence:cadence@127.0.0.1:5432/cadence_bench_smoke", { max: 5, onnotice: () => {} });
const userId = "heavy1";
const taxonomy = {
  tagIds: (await sql`select id from tags where user_id = ${userId} order by name`).map((r) => String(r.id)),
  categoryIds: (await sql`select id from categories where user_id = ${userId} order by name`).map((r) => String(r.id)),
};
const out = await explainReads(sql, userId, listInputs(taxonomy));
for (const [k, v] of Object.entries(out)) console.log(k.slice(0, 90), v.map((s) => s.executionMs).join(" "));
console.log(JSON.stringify(out, null, 1));
await sql.end();
