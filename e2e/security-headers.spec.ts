import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { signUp } from "./helpers";

/** Every page and API route in src/app, read from the file system so a new route is checked without editing this test. */
function appRoutes(): { pages: string[]; api: string[] } {
  const root = path.resolve("src/app");
  const pages: string[] = [];
  const api: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(app)" add no segment; catch-alls get a sample segment.
        const name = entry.name;
        const segment = /^\(.*\)$/.test(name) ? null : name.replace(/^\[\.\.\.\w+\]$/, "get-session").replace(/^\[\w+\]$/, "sample");
        walk(path.join(dir, name), segment === null ? segments : [...segments, segment]);
      } else if (entry.name === "page.tsx") pages.push(`/${segments.join("/")}`);
      else if (entry.name === "route.ts") api.push(`/${segments.join("/")}`);
    }
  };
  walk(root, []);
  return { pages, api };
}

function expectSecurityHeaders(res: APIResponse, url: string) {
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${url} CSP`).toContain("default-src 'self'");
  expect(csp, `${url} CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, `${url} CSP`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, `${url} CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${url} CSP`).toContain("report-uri /api/csp-report");
  expect(headers["x-content-type-options"], `${url} nosniff`).toBe("nosniff");
  expect(headers["x-frame-options"], `${url} X-Frame-Options`).toBe("DENY");
  expect(headers["referrer-policy"], `${url} Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], `${url} Permissions-Policy`).toContain("camera=()");
  // Served over plain HTTP (no trusted proxy): no HSTS, which would pin a scheme the server does not speak.
  expect(headers["strict-transport-security"], `${url} HSTS`).toBeUndefined();
}

test("every page, API route and asset answers with the security headers", async ({ page }) => {
  const { pages, api } = appRoutes();
  expect(pages).toEqual(expect.arrayContaining(["/", "/sign-in", "/sign-up", "/settings", "/activity"]));
  expect(api.length).toBeGreaterThanOrEqual(6);
  await signUp(page);
  const request = page.request; // signed in, so pages render rather than redirect
  const urls = [...pages, ...api, "/api/trpc/task.list", "/api/trpc/task.create", "/no-such-page", "/icon.svg"];
  const nonces = new Set<string>();
  for (const url of urls) {
    for (const method of ["GET", "POST"] as const) {
      if (method === "POST" && !url.startsWith("/api/")) continue;
      const res = await request.fetch(url, { method, maxRedirects: 0, data: method === "POST" ? "{}" : undefined });
      expect(res.status(), `${method} ${url}`).toBeLessThan(500);
      expectSecurityHeaders(res, `${method} ${url}`);
      nonces.add(/'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1] ?? "");
    }
  }
  // A fresh nonce per response.
  expect(nonces.size).toBeGreaterThan(urls.length);

  // The page's own scripts carry the nonce of its response and nothing else runs.
  const res = await request.get("/");
  const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
});

test("a page cannot be framed by another site", async ({ page }) => {
  await page.setContent(`<iframe src="${test.info().project.use.baseURL}/sign-in" title="framed"></iframe>`);
  const frame = page.frameLocator("iframe[title=framed]");
  await expect(frame.getByRole("button", { name: "Sign in" })).toHaveCount(0);
});
