import type { HttpRequestSpec } from "../lib/http-load";

/** tRPC v11 over HTTP with the superjson transformer: inputs and outputs are wrapped as `{ json }`. */
export function trpcQuery(procedure: string, input: unknown): HttpRequestSpec {
  return { method: "GET", path: `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}` };
}

export function trpcMutation(procedure: string, input: unknown): HttpRequestSpec {
  return { method: "POST", path: `/api/trpc/${procedure}`, body: JSON.stringify({ json: input }) };
}

/** The procedure's result (`result.data.json`) from a response body, or undefined if it is not one. */
export function trpcData<T>(body: string): T | undefined {
  try {
    return (JSON.parse(body) as { result?: { data?: { json?: T } } }).result?.data?.json;
  } catch {
    return undefined;
  }
}

/** One call outside the load run (setup and cross-checks); throws on anything but 200. */
export async function trpcCall<T>(baseUrl: string, cookie: string, spec: HttpRequestSpec): Promise<T> {
  const res = await fetch(baseUrl + spec.path, {
    method: spec.method,
    headers: { cookie, ...(spec.body ? { "content-type": "application/json" } : {}) },
    body: spec.body,
  });
  const text = await res.text();
  const data = res.ok ? trpcData<T>(text) : undefined;
  if (data === undefined) throw new Error(`${spec.method} ${spec.path.slice(0, 80)} -> ${res.status}: ${text.slice(0, 300)}`);
  return data;
}
