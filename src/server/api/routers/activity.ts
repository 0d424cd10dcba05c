import { activityListInput, listActivity } from "@/server/domain/activity";
import { activityRevertInput, revertActivity } from "@/server/domain/undo/revert";
import { protectedProcedure, router } from "../trpc";

export const activityRouter = router({
  list: protectedProcedure.input(activityListInput.optional()).query(({ ctx, input }) => listActivity(ctx.domain, input)),
  /** Undo one entry (its id from `list`); CONFLICT names fields changed since, `applyRest: true` keeps those. */
  revert: protectedProcedure.input(activityRevertInput).mutation(({ ctx, input }) => revertActivity(ctx.domain, input)),
});
