import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { TEST_PASSWORD } from "./helpers";

/**
 * After the whole run, the server's JSON logs must hold no secret the flows used (passwords, session cookies,
 * API tokens, the generated signing secrets) and no Content-Security-Policy violation report: the app worked
 * with its policy on.
 */
export default function globalTeardown(): void {
  const logFile = process.env.CADENCE_E2E_LOG_FILE;
  if (!logFile || !existsSync(logFile)) return;
  const log = readFileSync(logFile, "utf8");
  const dataDir = path.dirname(logFile);
  const problems: string[] = [];

  const secrets: string[] = [TEST_PASSWORD];
  for (const file of ["secrets.json", "pusher.json"]) {
    if (!readdirSync(dataDir).includes(file)) continue;
    const values = Object.values(JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as Record<string, string>);
    secrets.push(...values.filter((value) => value.length >= 16));
  }
  for (const secret of secrets) if (log.includes(secret)) problems.push(`a secret (${secret.slice(0, 4)}…) appears in the server log`);
  for (const [name, pattern] of [
    ["an API token", /cad_[A-Za-z0-9_-]{20,}/],
    ["a session cookie", /session_token=[^;\s"]{10,}/],
    ["a Bearer credential", /Bearer [A-Za-z0-9._~+/-]{10,}/],
  ] as const) {
    if (pattern.test(log)) problems.push(`${name} appears in the server log`);
  }

  // frame-ancestors reports come only from security-headers.spec framing the app on purpose (the browser
  // reports the framed page's origin, so no marker survives); every other directive must stay silent.
  const violations = log
    .split("\n")
    .filter((line) => line.includes("Content-Security-Policy violation") && !line.includes("csp-selftest") && !line.includes('"directive":"frame-ancestors"'));
  if (violations.length > 0) problems.push(`${violations.length} CSP violation report(s), first: ${violations[0]}`);

  if (problems.length > 0) throw new Error(`Server log check failed (${logFile}):\n- ${problems.join("\n- ")}`);
  console.log(`Server log check: ${log.split("\n").length - 1} lines, no secrets, no CSP violations`);
}
