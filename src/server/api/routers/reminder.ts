import { z } from "zod";
import { getQuietHours, quietHoursInput, setQuietHours } from "@/server/domain/quiet-hours";
import { listReminderReceipts, receiptListInput } from "@/server/domain/reminder-receipts";
import { snoozeInput, snoozeReminder } from "@/server/domain/snooze";
import { protectedProcedure, router } from "../trpc";

export const reminderRouter = router({
  snooze: protectedProcedure.input(snoozeInput).mutation(({ ctx, input }) => snoozeReminder(ctx.domain, input)),
  receipts: protectedProcedure.input(receiptListInput).query(({ ctx, input }) => listReminderReceipts(ctx.domain, input)),
  quietHours: protectedProcedure.input(z.void()).query(({ ctx }) => getQuietHours(ctx.domain)),
  setQuietHours: protectedProcedure.input(quietHoursInput).mutation(({ ctx, input }) => setQuietHours(ctx.domain, input)),
});
