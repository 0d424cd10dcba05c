import { getRuntime } from "@/server/runtime";
import { parseCspReports } from "@/server/http/csp-reports";
import { countCspReports } from "@/server/metrics";

export const dynamic = "force-dynamic";

/** Content-Security-Policy violation reports (report-uri and the Reporting API), logged as warnings. */
export async function POST(req: Request) {
  const runtime = await getRuntime();
  const reports = parseCspReports(await req.text().catch(() => ""));
  countCspReports(reports.length);
  for (const report of reports) runtime.log.warn({ csp: report }, "Content-Security-Policy violation");
  return new Response(null, { status: 204 });
}
