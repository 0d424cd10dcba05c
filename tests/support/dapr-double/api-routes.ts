// Jobs, state and secrets endpoints.
import type http from "node:http";
import { error, parseJson, readBody, type Reply, type SidecarContext } from "./http-util";
import { readSecret } from "./state";
import { jobRequestSchema, stateSaveSchema } from "./types";

const NO_CALLER =
  "cannot tell which app is calling: send header dapr-app-id, or call the app's own sidecar (double.sidecar(appId).url)";

export async function jobs(ctx: SidecarContext, req: http.IncomingMessage, name: string): Promise<Reply> {
  const appId = ctx.callerAppId;
  if (!appId) return error(400, "ERR_MALFORMED_REQUEST", NO_CALLER);
  if (!name) return error(400, "DAPR_SCHEDULER_JOB_NAME_EMPTY", "job name is empty");
  if (req.method === "DELETE") {
    ctx.jobs.delete(appId, name);
    return { status: 204 };
  }
  if (req.method === "GET") {
    const found = ctx.jobs.get(appId, name);
    if (!found.ok) return { status: found.status, body: found.error };
    const { data, dueTime, schedule, repeats, ttl } = found.value;
    // daprd 1.18.2 answers the job's data as the protobuf Any it stores (a google.protobuf.Value), not as sent;
    // the callback to the app carries it unwrapped.
    return { status: 200, body: { name, data: { "@type": "type.googleapis.com/google.protobuf.Value", value: data }, dueTime, schedule, repeats, ttl } };
  }
  if (req.method !== "POST") return error(405, "ERR_MALFORMED_REQUEST", "method not allowed");
  const json = parseJson(await readBody(req));
  const request = json.ok ? jobRequestSchema.safeParse(json.value) : undefined;
  if (!request?.success) return error(400, "ERR_MALFORMED_REQUEST", "malformed job request");
  const scheduled = ctx.jobs.schedule(appId, name, request.data);
  return scheduled.ok ? { status: 204 } : { status: scheduled.status, body: scheduled.error };
}

export async function state(
  ctx: SidecarContext,
  req: http.IncomingMessage,
  store: string,
  key: string | undefined,
): Promise<Reply> {
  const appId = ctx.callerAppId ?? "";
  if (req.method === "POST" && key === undefined) {
    const json = parseJson(await readBody(req));
    const items = json.ok ? stateSaveSchema.safeParse(json.value) : undefined;
    if (!items?.success) return error(400, "ERR_MALFORMED_REQUEST", "malformed state request");
    const saved = ctx.state.save(store, appId, items.data);
    return { status: saved.status, body: saved.error };
  }
  if (key === undefined) return error(404, "ERR_NOT_FOUND", "not found");
  if (req.method === "GET") {
    const found = ctx.state.get(store, appId, key);
    if (!found.entry) return { status: found.status, body: found.error };
    return { status: 200, body: JSON.stringify(found.entry.value), headers: { etag: found.entry.etag } };
  }
  if (req.method === "DELETE") {
    const ifMatch = req.headers["if-match"];
    const deleted = ctx.state.delete(store, appId, key, Array.isArray(ifMatch) ? ifMatch[0] : ifMatch);
    return { status: deleted.status, body: deleted.error };
  }
  return error(405, "ERR_MALFORMED_REQUEST", "method not allowed");
}

export function secrets(ctx: SidecarContext, req: http.IncomingMessage, store: string, name: string): Reply {
  if (req.method !== "GET") return error(405, "ERR_MALFORMED_REQUEST", "method not allowed");
  return readSecret(ctx.secrets, store, name);
}
