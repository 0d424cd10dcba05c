import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log";

describe("logs", () => {
  it("never carry passwords, tokens, cookies or secrets, wherever they sit in a log line", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cadence-log-")), "app.log");
    const log = createLogger("info", "test", file);
    log.info({ password: "pw-top-level", input: { newPassword: "pw-nested", token: "tok-nested" } }, "sign-up");
    log.info({ req: { headers: { cookie: "session=cookie-value", authorization: "Bearer bearer-value", "set-cookie": "sc-value" } } }, "request");
    log.warn({ err: { details: { secret: "secret-value", apiKey: "key-value" } } }, "failure");
    const text = readFileSync(file, "utf8");
    for (const secret of ["pw-top-level", "pw-nested", "tok-nested", "cookie-value", "bearer-value", "sc-value", "secret-value", "key-value"]) {
      expect(text).not.toContain(secret);
    }
    expect(text.split("\n").filter(Boolean)).toHaveLength(3);
    expect(text).toContain("[Redacted]");
  });
});
