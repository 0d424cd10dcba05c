import { accountDeleteInput, deleteAccount } from "@/server/domain/account";
import { protectedProcedure, router } from "../trpc";

/** The signed-in user's account itself. */
export const accountRouter = router({
  /** Irreversible: removes the user and all their data; needs the current password. */
  delete: protectedProcedure.input(accountDeleteInput).mutation(({ ctx, input }) => deleteAccount(ctx.domain, input)),
});
