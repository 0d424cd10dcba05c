import { createTag, deleteTag, listTags, tagCreateInput, tagIdInput, tagUpdateInput, updateTag } from "@/server/domain/tags";
import { protectedProcedure, router } from "../trpc";

export const tagRouter = router({
  create: protectedProcedure.input(tagCreateInput).mutation(({ ctx, input }) => createTag(ctx.domain, input)),
  update: protectedProcedure.input(tagUpdateInput).mutation(({ ctx, input }) => updateTag(ctx.domain, input)),
  delete: protectedProcedure.input(tagIdInput).mutation(({ ctx, input }) => deleteTag(ctx.domain, input)),
  list: protectedProcedure.query(({ ctx }) => listTags(ctx.domain)),
});
