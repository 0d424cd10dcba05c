import { z } from "zod";
import { SNOOZE_CHOICES, snoozeReminder } from "@/server/domain/snooze";
import { args, EXAMPLE_IDS, resolveDate, WRITE_NOTE, writeControls } from "./args";
import { formatLocal } from "./present";
import { defineTool, ToolArgumentError, type ToolResultBase } from "./types";

export interface SnoozeToolResult extends ToolResultBase {
  reminder: { id: string; task_id: string; task_title: string; remind_at: string };
}

export const snoozeReminderTool = defineTool({
  name: "snooze_reminder",
  description: `Snooze a task's latest reminder: for '5m', '1h' or until 'tomorrow' morning (09:00), or until a given time ('friday 3pm'). A reminder that has not gone off yet is pushed back from its own time, never brought forward.${WRITE_NOTE}`,
  scope: "write",
  inputSchema: z
    .object({
      task_id: args.taskId,
      for: z.enum(SNOOZE_CHOICES).optional().describe("5m, 1h or tomorrow (09:00 in the user's time zone)"),
      until: args.remindAt.optional().describe("Snooze until this time instead: ISO 8601 or words ('friday 3pm')"),
      ...writeControls,
    })
    .strict(),
  examples: [
    { task_id: EXAMPLE_IDS.task, for: "1h" },
    { task_id: EXAMPLE_IDS.task, until: "friday 3pm", dry_run: true },
  ],
  async run(ctx, a): Promise<SnoozeToolResult> {
    if ((a.for === undefined) === (a.until === undefined)) throw new ToolArgumentError("for", "give either for (5m, 1h, tomorrow) or until");
    const snooze = a.for ?? { at: resolveDate(ctx, a.until!, "until").at };
    const result = await snoozeReminder(ctx, { taskId: a.task_id, snooze });
    return {
      summary: `Snoozed the reminder for "${result.taskTitle}" until ${formatLocal(ctx, result.remindAt, false)}.`,
      reminder: { id: result.reminderId, task_id: result.taskId, task_title: result.taskTitle, remind_at: result.remindAt.toISOString() },
    };
  },
});
