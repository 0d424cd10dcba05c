import { z } from "zod";
import { getCalendarFeed, regenerateCalendarFeed, revokeCalendarFeed } from "@/server/domain/calendar/service";
import { protectedProcedure, router } from "../trpc";

export const calendarRouter = router({
  feed: protectedProcedure.input(z.void()).query(({ ctx }) => getCalendarFeed(ctx.domain)),
  regenerate: protectedProcedure.input(z.void()).mutation(({ ctx }) => regenerateCalendarFeed(ctx.domain)),
  revoke: protectedProcedure.input(z.void()).mutation(({ ctx }) => revokeCalendarFeed(ctx.domain)),
});
