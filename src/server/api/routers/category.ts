import {
  categoryCreateInput,
  categoryIdInput,
  categoryUpdateInput,
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from "@/server/domain/categories";
import { withActivityId } from "@/server/domain/activity";
import { protectedProcedure, router } from "../trpc";

export const categoryRouter = router({
  create: protectedProcedure.input(categoryCreateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => createCategory(domain, input))),
  update: protectedProcedure.input(categoryUpdateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => updateCategory(domain, input))),
  delete: protectedProcedure.input(categoryIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => deleteCategory(domain, input))),
  list: protectedProcedure.query(({ ctx }) => listCategories(ctx.domain)),
});
