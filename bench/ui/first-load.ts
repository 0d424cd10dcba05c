import { gzipSync } from "node:zlib";
import type { BrowserContext } from "@playwright/test";

export interface FirstLoadResult {
  /** Sum of each script gzipped (level 9 is not what servers use; level 6 = zlib default). */
  gzipBytes: number;
  rawBytes: number;
  scripts: Array<{ url: string; rawBytes: number; gzipBytes: number }>;
}

/**
 * JS the browser fetches for the main page before its `load` event and while hydrating: the scripts
 * the HTML references plus chunks requested during that window. Later lazy chunks (editor, dialogs,
 * assistant) are left out on purpose: they are what "first load" excludes.
 */
export async function measureFirstLoad(context: BrowserContext, baseUrl: string): Promise<FirstLoadResult> {
  const page = await context.newPage();
  const pending: Array<Promise<{ url: string; rawBytes: number; gzipBytes: number } | null>> = [];
  let loaded = false;
  page.on("response", (response) => {
    if (loaded || response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, rawBytes: body.length, gzipBytes: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  await page.goto(`${baseUrl}/`, { waitUntil: "load" });
  await page.getByLabel("Quick add").waitFor();
  loaded = true;
  const scripts = (await Promise.all(pending)).filter((s): s is NonNullable<typeof s> => s !== null);
  await page.close();
  return {
    gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    rawBytes: scripts.reduce((sum, s) => sum + s.rawBytes, 0),
    scripts: scripts.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}
