import { listNotifications, markNotificationsRead, markNotificationsReadInput, notificationListInput } from "@/server/domain/notifications";
import { protectedProcedure, router } from "../trpc";

export const notificationRouter = router({
  list: protectedProcedure.input(notificationListInput).query(({ ctx, input }) => listNotifications(ctx.domain, input)),
  markRead: protectedProcedure.input(markNotificationsReadInput).mutation(({ ctx, input }) => markNotificationsRead(ctx.domain, input)),
});
