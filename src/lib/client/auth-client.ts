"use client";
import { createAuthClient } from "better-auth/react";
import { inferAdditionalFields } from "better-auth/client/plugins";

/** Same origin as the page; the time zone rides along on sign-up so dates are read in the user's zone. */
export const authClient = createAuthClient({
  plugins: [inferAdditionalFields({ user: { timeZone: { type: "string", required: false } } })],
});
