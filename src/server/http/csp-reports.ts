export interface CspViolation {
  documentURL: string;
  directive: string;
  blockedURL: string;
  sample?: string;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** Both report shapes: report-uri's `{"csp-report": {...}}` and the Reporting API's `[{type, body}]`. */
export function parseCspReports(text: string): CspViolation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: CspViolation[] = [];
  for (const item of items.slice(0, 50)) {
    if (typeof item !== "object" || item === null) continue;
    const record = item as Record<string, unknown>;
    const legacy = record["csp-report"];
    if (typeof legacy === "object" && legacy !== null) {
      const r = legacy as Record<string, unknown>;
      out.push({
        documentURL: str(r["document-uri"]),
        directive: str(r["effective-directive"]) || str(r["violated-directive"]),
        blockedURL: str(r["blocked-uri"]),
        sample: str(r["script-sample"]).slice(0, 200) || undefined,
      });
    } else if (record.type === "csp-violation" && typeof record.body === "object" && record.body !== null) {
      const r = record.body as Record<string, unknown>;
      out.push({
        documentURL: str(r.documentURL),
        directive: str(r.effectiveDirective),
        blockedURL: str(r.blockedURL),
        sample: str(r.sample).slice(0, 200) || undefined,
      });
    }
  }
  return out;
}
