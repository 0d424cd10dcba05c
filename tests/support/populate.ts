import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/server/db/client";
import { createApiToken } from "@/server/domain/api-tokens";
import { createCategory } from "@/server/domain/categories";
import type { DomainContext } from "@/server/domain/context";
import { createTag } from "@/server/domain/tags";
import { completeTask, createTask } from "@/server/domain/tasks";
import { appendMessage, createConversation } from "@/server/chat/store";
import { createTestUser } from "./database";

/** A user with some of everything: categories, tags, plain, due, recurring and completed tasks, reminders, activity, tokens, chat. */
export async function populateUser(handle: DatabaseHandle, name: string, existing?: DomainContext): Promise<DomainContext> {
  const ctx = existing ?? (await createTestUser(handle, { name, timeZone: "Europe/Berlin" }));
  const category = await createCategory(ctx, { name: `${name} work` });
  const tag = await createTag(ctx, { name: `${name}-urgent` });
  const soon = new Date(Date.now() + 86_400_000);
  await createTask(ctx, { title: `${name} plain task`, description: "with a description", priority: "high" });
  await createTask(ctx, { title: `${name} due task`, dueAt: soon, categoryId: category.id, tagIds: [tag.id], reminders: [{ minutesBefore: 30 }] });
  const recurring = await createTask(ctx, { title: `${name} weekly review`, dueAt: soon, recurrenceRule: "FREQ=WEEKLY" });
  await completeTask(ctx, recurring.id);
  await createApiToken(ctx, { name: `${name} agent` });
  const conversation = await createConversation(ctx);
  await appendMessage(ctx, conversation.id, { role: "user", content: `${name} asks something` });
  await appendMessage(ctx, conversation.id, { role: "assistant", content: "an answer" });
  return ctx;
}

/** Every user table (the app's schema and drizzle's migration log), each as its rows in a stable order. */
export async function snapshotTables(db: Database): Promise<Record<string, string[]>> {
  const tables = (await db.execute(
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  )) as unknown as { rows?: { schema: string; name: string }[] } | { schema: string; name: string }[];
  const list = Array.isArray(tables) ? tables : (tables.rows ?? []);
  const snapshot: Record<string, string[]> = {};
  for (const { schema, name } of list) {
    const result = (await db.execute(sql.raw(`select row_to_json(t)::text as row from "${schema}"."${name}" t`))) as unknown as
      | { rows?: { row: string }[] }
      | { row: string }[];
    const rows = Array.isArray(result) ? result : (result.rows ?? []);
    snapshot[`${schema}.${name}`] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}
