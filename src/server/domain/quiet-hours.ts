import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/server/db/client";
import { reminderPreferences } from "@/server/db/schema";
import type { DomainContext } from "./context";

/** "HH:MM" on a 24-hour clock, the way a time input sends it. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time like 22:00");

export const quietHoursInput = z
  .object({
    /** null turns quiet hours off. */
    quietHours: z
      .object({ start: clockTime, end: clockTime })
      .strict()
      .refine((q) => q.start !== q.end, { message: "start and end must differ", path: ["end"] })
      .nullable(),
  })
  .strict();
export type QuietHoursInput = z.input<typeof quietHoursInput>;

export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const toMinute = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const toClock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export async function quietHoursOf(db: Executor, userId: string): Promise<QuietHours | null> {
  const [row] = await db.select().from(reminderPreferences).where(eq(reminderPreferences.userId, userId));
  if (!row || row.quietStartMinute === null || row.quietEndMinute === null) return null;
  return { startMinute: row.quietStartMinute, endMinute: row.quietEndMinute };
}

export async function getQuietHours(ctx: DomainContext): Promise<{ quietHours: { start: string; end: string } | null }> {
  const q = await quietHoursOf(ctx.db, ctx.userId);
  return { quietHours: q ? { start: toClock(q.startMinute), end: toClock(q.endMinute) } : null };
}

export async function setQuietHours(ctx: DomainContext, raw: QuietHoursInput) {
  const { quietHours } = quietHoursInput.parse(raw);
  const values = {
    quietStartMinute: quietHours ? toMinute(quietHours.start) : null,
    quietEndMinute: quietHours ? toMinute(quietHours.end) : null,
    updatedAt: ctx.now(),
  };
  await ctx.db
    .insert(reminderPreferences)
    .values({ userId: ctx.userId, ...values })
    .onConflictDoUpdate({ target: reminderPreferences.userId, set: values });
  return getQuietHours(ctx);
}

/**
 * When quiet hours (in the user's zone) hold `at`, the instant they end; otherwise null.
 * A window whose start is after its end runs over midnight (22:00–07:00).
 */
export function quietHoursEnd(quiet: QuietHours | null, at: Date, timeZone: string): Date | null {
  if (!quiet) return null;
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const { startMinute: start, endMinute: end } = quiet;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  const endToday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), Math.floor(end / 60), end % 60, 0, 0, timeZone);
  if (endToday.getTime() > at.getTime()) return new Date(endToday.getTime());
  const endTomorrow = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, Math.floor(end / 60), end % 60, 0, 0, timeZone);
  return new Date(endTomorrow.getTime());
}
