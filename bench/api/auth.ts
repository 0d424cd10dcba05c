/** Signs the benchmark user up / in through the app's real Better Auth endpoints and returns its cookies. */
export interface BenchUser {
  email: string;
  password: string;
  name: string;
}

export interface Session {
  userId: string;
  /** Value for the `Cookie` request header (session token + cached session data). */
  cookie: string;
}

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

async function authPost(baseUrl: string, path: string, body: unknown): Promise<Session> {
  // Better Auth rate-limits sign-in (a few per 10 s): wait and retry on 429 instead of failing the run.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify(body),
    });
    if (res.status === 429 && attempt < 6) {
      const retryAfter = Number(res.headers.get("x-retry-after") ?? res.headers.get("retry-after") ?? 5);
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(retryAfter) ? retryAfter : 5) * 1000 + 200));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`POST /api/auth/${path} -> ${res.status}: ${text.slice(0, 300)}`);
    const json = JSON.parse(text) as { user?: { id?: string } };
    const cookie = cookieHeader(res);
    if (!json.user?.id || !cookie) throw new Error(`POST /api/auth/${path} returned no user or no session cookie`);
    return { userId: json.user.id, cookie };
  }
}

export const signUp = (baseUrl: string, user: BenchUser) => authPost(baseUrl, "sign-up/email", user);
export const signIn = (baseUrl: string, user: BenchUser) =>
  authPost(baseUrl, "sign-in/email", { email: user.email, password: user.password });
