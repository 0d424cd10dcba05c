import {
  categoryCreateInput,
  categoryIdInput,
  categoryUpdateInput,
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from "@/server/domain/categories";
import { protectedProcedure, router } from "../trpc";

export const categoryRouter = router({
  create: protectedProcedure.input(categoryCreateInput).mutation(({ ctx, input }) => createCategory(ctx.domain, input)),
  update: protectedProcedure.input(categoryUpdateInput).mutation(({ ctx, input }) => updateCategory(ctx.domain, input)),
  delete: protectedProcedure.input(categoryIdInput).mutation(({ ctx, input }) => deleteCategory(ctx.domain, input)),
  list: protectedProcedure.query(({ ctx }) => listCategories(ctx.domain)),
});
