import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionUserFromHeaders } from "@/server/api/http-context";
import { getRuntime } from "@/server/runtime";

/** Signed-in people skip the auth pages. */
export async function redirectIfSignedIn(): Promise<void> {
  const user = await sessionUserFromHeaders(await getRuntime(), await headers());
  if (user) redirect("/");
}
