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
import {
  endSeries,
  endSeriesInput,
  listOccurrences,
  occurrencesInput,
  rescheduleOccurrence,
  rescheduleOccurrenceInput,
  skipOccurrence,
  skipOccurrenceInput,
  updateOccurrence,
  updateOccurrenceInput,
} from "@/server/domain/occurrences";
import { withActivityId } from "@/server/domain/activity";
import { protectedProcedure, router } from "../trpc";

export const taskRouter = router({
  create: protectedProcedure.input(taskCreateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => createTask(domain, input))),
  update: protectedProcedure.input(taskUpdateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => updateTask(domain, input))),
  complete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => completeTask(domain, input.id))),
  uncomplete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => uncompleteTask(domain, input.id))),
  delete: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => deleteTask(domain, input.id))),
  restore: protectedProcedure.input(taskIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => restoreTask(domain, input.id))),
  get: protectedProcedure.input(taskIdInput).query(({ ctx, input }) => getTask(ctx.domain, input.id)),
  list: protectedProcedure.input(taskListInput).query(({ ctx, input }) => listTasks(ctx.domain, input)),
  bulkUpdate: protectedProcedure.input(bulkUpdateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => bulkUpdateTasks(domain, input))),
  /** One occurrence of a series: skip, move, edit alone or with the following ones, end the series there. */
  occurrences: protectedProcedure.input(occurrencesInput).query(({ ctx, input }) => listOccurrences(ctx.domain, input)),
  skipOccurrence: protectedProcedure.input(skipOccurrenceInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => skipOccurrence(domain, input))),
  rescheduleOccurrence: protectedProcedure.input(rescheduleOccurrenceInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => rescheduleOccurrence(domain, input))),
  updateOccurrence: protectedProcedure.input(updateOccurrenceInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => updateOccurrence(domain, input))),
  endSeries: protectedProcedure.input(endSeriesInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => endSeries(domain, input))),
  previewRecurrence: protectedProcedure.input(previewRecurrenceInput).query(({ input }) => previewRecurrence(input)),
});
