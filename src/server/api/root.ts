import { activityRouter } from "./routers/activity";
import { categoryRouter } from "./routers/category";
import { tagRouter } from "./routers/tag";
import { taskRouter } from "./routers/task";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  task: taskRouter,
  category: categoryRouter,
  tag: tagRouter,
  activity: activityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
