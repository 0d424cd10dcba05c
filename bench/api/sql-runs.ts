import type postgres from "postgres";
import type { TaskListInput } from "@/server/domain/tasks/schemas";
import type { LoadResult } from "../lib/load-result";
import { runLoopLoad } from "../lib/loop-load";
import type { listInputs } from "./list-inputs";
import { postgresExec, runListSql } from "./sql-baseline";
import { trpcCall, trpcQuery } from "./trpc";

type Inputs = ReturnType<typeof listInputs>;

/** The list/search SQL run directly, closed loop, same concurrency and input rotation as the HTTP run. */
export async function runSqlBaseline(
  sql: postgres.Sql,
  userId: string,
  inputs: TaskListInput[],
  options: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<LoadResult> {
  const exec = postgresExec(sql);
  let i = 0;
  return runLoopLoad({
    concurrency: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    operation: async () => {
      await runListSql(exec, userId, inputs[i++ % inputs.length] as TaskListInput);
    },
  });
}

/** Every read input once through the API and once as direct SQL: same ids in the same order, same total. */
export async function crossCheck(sql: postgres.Sql, baseUrl: string, cookie: string, userId: string, inputs: Inputs) {
  const exec = postgresExec(sql);
  const mismatches: { input: TaskListInput; api: { total: number; first: string[] }; sql: { total: number; first: string[] } }[] = [];
  let checked = 0;
  for (const input of [...inputs.search, ...inputs.filtered, ...inputs.sorted]) {
    const api = await trpcCall<{ items: { id: string }[]; total: number; totalCapped?: boolean }>(baseUrl, cookie, trpcQuery("task.list", input));
    const direct = await runListSql(exec, userId, input);
    const apiIds = api.items.map((t) => t.id);
    checked++;
    if (api.total !== direct.total || Boolean(api.totalCapped) !== direct.totalCapped || apiIds.join() !== direct.ids.join()) {
      mismatches.push({ input, api: { total: api.total, first: apiIds.slice(0, 3) }, sql: { total: direct.total, first: direct.ids.slice(0, 3) } });
    }
  }
  if (mismatches.length > 0) process.stderr.write(`[bench:api] WARNING: ${mismatches.length} of ${checked} inputs differ between API and direct SQL\n`);
  return { checked, mismatches };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements one request of each read kind runs (first input of each),
 * keeping the full plan only for statements slower than 1 ms, so a missed target can be traced to a node.
 */
export async function explainReads(sql: postgres.Sql, userId: string, inputs: Inputs) {
  const out: Record<string, { statement: string; executionMs: number; plan?: string[] }[]> = {};
  for (const [name, list] of [["search", inputs.search], ["filtered-list", inputs.filtered], ["sorted-list", inputs.sorted]] as const) {
    for (const input of list) {
      const statements: { text: string; params: unknown[] }[] = [];
      await runListSql(postgresExec(sql, (text, params) => statements.push({ text, params })), userId, input);
      const key = `${name} ${JSON.stringify(input)}`;
      out[key] = [];
      for (const s of statements) {
        const rows = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params as postgres.ParameterOrJSON<never>[], { prepare: false });
        const plan = rows.map((r) => String(r["QUERY PLAN"]));
        const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? 0);
        out[key].push({ statement: s.text.replace(/\s+/g, " ").slice(0, 160), executionMs, ...(executionMs >= 1 ? { plan } : {}) });
      }
    }
  }
  return out;
}
