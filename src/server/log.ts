import pino, { type Logger } from "pino";

const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "apiKey",
  "api_key",
  "authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "dapr-api-token",
];

/**
 * Paths pino replaces with "[Redacted]": any of the keys above at the top level and up to three levels deep
 * (request headers, inputs, error details), so no log line carries a password, token, cookie or secret.
 */
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => {
  const prop = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (prop.startsWith("[") ? `${prefix}${prop}` : `${prefix}.${prop}`);
  return [prop.startsWith("[") ? prop.slice(2, -2) : prop, join("*"), join("*.*"), join("*.*.*")];
});

/**
 * Structured JSON logs; one logger per process, children per component. With `file`, lines also go (synchronously,
 * so nothing is lost at exit) to that file.
 */
export function createLogger(level: string, name = "cadence", file = process.env.LOG_FILE): Logger {
  const options = { name, level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS } };
  if (!file || level === "silent") return pino(options);
  return pino(
    options,
    pino.multistream([{ stream: pino.destination(1), level: level as pino.Level }, { stream: pino.destination({ dest: file, sync: true, append: true, mkdir: true }), level: level as pino.Level }]),
  );
}
