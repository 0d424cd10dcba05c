import { accountRouter } from "./routers/account";
import { activityRouter } from "./routers/activity";
import { apiTokenRouter } from "./routers/api-token";
import { calendarRouter } from "./routers/calendar";
import { categoryRouter } from "./routers/category";
import { chatRouter } from "./routers/chat";
import { notificationRouter } from "./routers/notification";
import { pushRouter } from "./routers/push";
import { reminderRouter } from "./routers/reminder";
import { tagRouter } from "./routers/tag";
import { taskRouter } from "./routers/task";
import { webhookRouter } from "./routers/webhook";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  task: taskRouter,
  category: categoryRouter,
  tag: tagRouter,
  activity: activityRouter,
  notification: notificationRouter,
  apiToken: apiTokenRouter,
  chat: chatRouter,
  reminder: reminderRouter,
  push: pushRouter,
  calendar: calendarRouter,
  webhook: webhookRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
