import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { reminderReceipts, tasks } from "@/server/db/schema";
import type { DomainContext } from "./context";
import { NotFoundError } from "./errors";

export type ReceiptKind = (typeof reminderReceipts.$inferInsert)["kind"];

export interface ReceiptDraft {
  userId: string;
  reminderId: string;
  taskId: string;
  kind: ReceiptKind;
  remindAt: Date;
  deviceName?: string | null;
  detail?: string | null;
  at: Date;
}

export async function recordReceipts(tx: Executor, drafts: readonly ReceiptDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await tx.insert(reminderReceipts).values(
    drafts.map((d) => ({
      userId: d.userId,
      reminderId: d.reminderId,
      taskId: d.taskId,
      kind: d.kind,
      remindAt: d.remindAt,
      deviceName: d.deviceName ?? null,
      detail: d.detail ?? null,
      createdAt: d.at,
    })),
  );
}

export const receiptListInput = z.object({ taskId: z.uuid({ message: "must be a valid id" }) }).strict();

export interface ReceiptView {
  id: string;
  reminderId: string;
  kind: ReceiptKind;
  remindAt: Date;
  deviceName: string | null;
  detail: string | null;
  createdAt: Date;
}

/** A task's delivery receipts, newest first (the task's history shows them next to its changes). */
export async function listReminderReceipts(ctx: DomainContext, raw: z.input<typeof receiptListInput>): Promise<ReceiptView[]> {
  const { taskId } = receiptListInput.parse(raw);
  const [task] = await ctx.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, taskId), eq(tasks.userId, ctx.userId)));
  if (!task) throw new NotFoundError("task", taskId);
  return ctx.db
    .select({
      id: reminderReceipts.id,
      reminderId: reminderReceipts.reminderId,
      kind: reminderReceipts.kind,
      remindAt: reminderReceipts.remindAt,
      deviceName: reminderReceipts.deviceName,
      detail: reminderReceipts.detail,
      createdAt: reminderReceipts.createdAt,
    })
    .from(reminderReceipts)
    .where(and(eq(reminderReceipts.taskId, taskId), eq(reminderReceipts.userId, ctx.userId)))
    .orderBy(desc(reminderReceipts.createdAt))
    .limit(100);
}
