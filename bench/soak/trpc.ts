/** Minimal tRPC-over-HTTP calls with superjson's envelope; Dates in inputs are declared in `meta`. */
export interface CallResult<T> {
  ok: boolean;
  status: number;
  ms: number;
  data?: T;
  error?: string;
}

function envelope(input: unknown): { json: unknown; meta?: { values: Record<string, ["Date"]> } } {
  const values: Record<string, ["Date"]> = {};
  const walk = (value: unknown, pathParts: string[]): unknown => {
    if (value instanceof Date) {
      values[pathParts.join(".")] = ["Date"];
      return value.toISOString();
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...pathParts, String(i)]));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...pathParts, k])]));
    }
    return value;
  };
  const json = walk(input, []);
  return Object.keys(values).length > 0 ? { json, meta: { values } } : { json };
}

export async function trpc<T>(baseUrl: string, cookie: string, kind: "query" | "mutation", procedure: string, input: unknown): Promise<CallResult<T>> {
  const started = performance.now();
  try {
    const body = JSON.stringify(envelope(input));
    const res =
      kind === "query"
        ? await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(body)}`, { headers: { cookie } })
        : await fetch(`${baseUrl}/api/trpc/${procedure}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
    const text = await res.text();
    const ms = performance.now() - started;
    if (!res.ok) return { ok: false, status: res.status, ms, error: text.slice(0, 300) };
    const parsed = JSON.parse(text) as { result: { data: { json: T } } };
    return { ok: true, status: res.status, ms, data: parsed.result.data.json };
  } catch (error) {
    return { ok: false, status: 0, ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}
