import { sessionUserFromHeaders } from "@/server/api/http-context";
import { createChannelAuthorizer } from "@/server/realtime/embedded";
import { channelSigningCredentials } from "@/server/realtime/client-config";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Signs a private-channel subscription, only for the signed-in user's own channel. */
export async function POST(req: Request) {
  const runtime = await getRuntime();
  const user = await sessionUserFromHeaders(runtime, req.headers);
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const form = new URLSearchParams(await req.text());
  const socketId = form.get("socket_id") ?? "";
  const channel = form.get("channel_name") ?? "";
  if (channel !== `private-user-${user.id}`) return Response.json({ error: "Not your channel" }, { status: 403 });
  try {
    return Response.json(createChannelAuthorizer(channelSigningCredentials(runtime.env))(socketId, channel));
  } catch (error) {
    return Response.json({ error: error instanceof Error ? error.message : "invalid request" }, { status: 400 });
  }
}
