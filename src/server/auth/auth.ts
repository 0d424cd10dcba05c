import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Database } from "@/server/db/client";
import { accounts, sessions, users, verifications } from "@/server/db/schema";
import { isValidTimeZone } from "@/lib/recurrence/zone";

export interface AuthOptions {
  db: Database;
  secret: string;
  baseURL: string;
  /** Extra origins allowed to call the auth endpoints (e.g. 127.0.0.1 next to localhost). */
  trustedOrigins?: string[];
  /** Sign-ups per minute per client address. */
  signUpsPerMinute?: number;
}

/** Better Auth with email + password over the app's drizzle database. */
export function createAuth({ db, secret, baseURL, trustedOrigins = [], signUpsPerMinute = 30 }: AuthOptions) {
  return betterAuth({
    secret,
    baseURL,
    trustedOrigins,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        timeZone: {
          type: "string",
          required: false,
          defaultValue: "UTC",
          input: true,
          // A bad zone from the browser falls back to UTC instead of failing sign-up.
          transform: { input: (value) => (typeof value === "string" && isValidTimeZone(value) ? value : "UTC") },
        },
      },
    },
    // Brute-force protection per client IP; generous enough for a household behind one address.
    rateLimit: {
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: signUpsPerMinute },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24, cookieCache: { enabled: true, maxAge: 60 } },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
