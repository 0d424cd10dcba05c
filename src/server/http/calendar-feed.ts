import type { Database } from "@/server/db/client";
import { renderCalendarFeed } from "@/server/domain/calendar/service";

/** HTTP dates have whole seconds; compare at that precision. */
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The private iCalendar feed (`/api/calendar/<token>.ics`). Calendar apps poll it: an unchanged feed answers
 * 304 to If-None-Match (or, without it, If-Modified-Since), so a poll costs a few queries, not a download.
 */
export async function serveCalendarFeed(db: Database, file: string, requestHeaders: Headers, now = new Date()): Promise<Response> {
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const feed = token ? await renderCalendarFeed(db, token, now) : null;
  if (!feed) return new Response("No such calendar (the link may have been turned off)\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

  const headers = {
    etag: feed.etag,
    "last-modified": feed.lastModified.toUTCString(),
    "cache-control": "private, no-cache",
    "referrer-policy": "no-referrer",
  };
  const ifNoneMatch = requestHeaders.get("if-none-match");
  const ifModifiedSince = requestHeaders.get("if-modified-since");
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === feed.etag || tag.trim() === "*")
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && seconds(feed.lastModified) <= seconds(new Date(ifModifiedSince));
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(feed.body, {
    status: 200,
    headers: { ...headers, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="cadence.ics"' },
  });
}
