import { ZodError } from "zod";
import { DomainError } from "@/server/domain/errors";
import { handlePushReceipt } from "@/server/domain/push/receipts";
import { vapidKeys } from "@/server/domain/push/vapid";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The service worker's report about a reminder push: shown, clicked, or snoozed from an action button. */
export async function POST(req: Request) {
  const runtime = await getRuntime();
  const keys = vapidKeys(runtime.env);
  if (!keys) return Response.json({ error: "Push is not configured on this server" }, { status: 404 });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return Response.json({ error: "body must be JSON" }, { status: 400 });
  }
  try {
    const result = await handlePushReceipt(runtime.db.db, keys, body as Parameters<typeof handlePushReceipt>[2]);
    if (result.status === "forbidden") return Response.json({ error: "token does not match this reminder and device" }, { status: 403 });
    if (result.status === "gone") return Response.json({ error: "reminder not found" }, { status: 404 });
    return Response.json(result.status === "snoozed" ? { status: "snoozed", remindAt: result.snoozed.remindAt.toISOString() } : result);
  } catch (error) {
    if (error instanceof ZodError) return Response.json({ error: "invalid receipt", issues: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, { status: 400 });
    if (error instanceof DomainError) return Response.json({ error: error.message }, { status: 422 });
    throw error;
  }
}
