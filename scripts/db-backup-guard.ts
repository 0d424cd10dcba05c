/** The embedded database has one owner: backing it up or restoring it under a running app would corrupt it. */
export async function refuseWhileEmbeddedAppRuns(port: number): Promise<void> {
  const running = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
    (res) => res.ok,
    () => false,
  );
  if (running) throw new Error(`the app is running on port ${port}: stop it first (the embedded database has a single owner process)`);
}
