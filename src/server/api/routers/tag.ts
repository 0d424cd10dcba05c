import { createTag, deleteTag, listTags, tagCreateInput, tagIdInput, tagUpdateInput, updateTag } from "@/server/domain/tags";
import { withActivityId } from "@/server/domain/activity";
import { protectedProcedure, router } from "../trpc";

export const tagRouter = router({
  create: protectedProcedure.input(tagCreateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => createTag(domain, input))),
  update: protectedProcedure.input(tagUpdateInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => updateTag(domain, input))),
  delete: protectedProcedure.input(tagIdInput).mutation(({ ctx, input }) => withActivityId(ctx.domain, (domain) => deleteTag(domain, input))),
  list: protectedProcedure.query(({ ctx }) => listTags(ctx.domain)),
});
