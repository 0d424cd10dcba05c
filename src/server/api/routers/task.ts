import {
  bulkUpdateInput,
  bulkUpdateTasks,
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  previewRecurrence,
  previewRecurrenceInput,
  restoreTask,
  taskCreateInput,
  taskIdInput,
  taskListInput,
  taskUpdateInput,
  uncompleteTask,
  updateTask,
} from "@/server/domain/tasks";
import { protectedProcedure, router } from "../trpc";

export const taskRouter = router({
  create: protectedProcedure.input(taskCreateInput).mutation(({ ctx, input }) => createTask(ctx.domain, input)),
  update: protectedProcedure.input(taskUpdateInput).mutation(({ ctx, input }) => updateTask(ctx.domain, input)),
  complete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => completeTask(ctx.domain, input.id)),
  uncomplete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => uncompleteTask(ctx.domain, input.id)),
  delete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => deleteTask(ctx.domain, input.id)),
  restore: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => restoreTask(ctx.domain, input.id)),
  get: protectedProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.domain, input.id)),
  list: protectedProcedure.input(taskListInput).query(({ ctx, input }) => listTasks(ctx.domain, input)),
  bulkUpdate: protectedProcedure.input(bulkUpdateInput).mutation(({ ctx, input }) => bulkUpdateTasks(ctx.domain, input)),
  previewRecurrence: protectedProcedure.input(previewRecurrenceInput).query(({ input }) => previewRecurrence(input)),
});
