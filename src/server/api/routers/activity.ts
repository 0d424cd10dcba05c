import { activityListInput, listActivity } from "@/server/domain/activity";
import { protectedProcedure, router } from "../trpc";

export const activityRouter = router({
  list: protectedProcedure.input(activityListInput.optional()).query(({ ctx, input }) => listActivity(ctx.domain, input)),
});
