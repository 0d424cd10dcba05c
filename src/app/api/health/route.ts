import { sql } from "drizzle-orm";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Readiness: the database answers. */
export async function GET() {
  try {
    const runtime = await getRuntime();
    await runtime.db.db.execute(sql`select 1`);
    return Response.json({ status: "ok", driver: runtime.db.driver });
  } catch (error) {
    return Response.json({ status: "error", error: error instanceof Error ? error.message : String(error) }, { status: 503 });
  }
}
