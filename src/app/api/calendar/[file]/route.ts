import { serveCalendarFeed } from "@/server/http/calendar-feed";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The private calendar feed; see serveCalendarFeed. */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const runtime = await getRuntime();
  return serveCalendarFeed(runtime.db.db, file, req.headers);
}
