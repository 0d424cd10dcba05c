import { dehydrate, hydrate, QueryClient, QueryObserver, type QueryKey } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { refetchAfterChange, refetchSnapshotsOlderThan } from "@/lib/client/fresh-sync";

// Keys shaped like tRPC's, so the helpers treat them as synced data.
const listKey: QueryKey = [["task", "list"], { type: "query", input: { view: "inbox" } }];
const tagKey: QueryKey = [["tag", "list"], { type: "query" }];

/** A server whose reads see the value at the moment the request arrives, answering only when told to. */
function fakeServer(initial: string) {
  let value = initial;
  const waiting: Array<() => void> = [];
  return {
    change: (next: string) => void (value = next),
    read: () => {
      const seen = value;
      return new Promise<string>((resolve) => waiting.push(() => resolve(seen)));
    },
    answerAll: () => waiting.splice(0).forEach((answer) => answer()),
  };
}

/** Lets every pending read answer until `work` is done (later reads may start while earlier ones finish). */
async function finish(work: Promise<unknown>, server: ReturnType<typeof fakeServer>): Promise<void> {
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    server.answerAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A just-opened view: an observed query without data whose first read is in flight, then the user's change lands. */
function viewOpenedJustBeforeAChange() {
  const server = fakeServer("before the change");
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const observer = new QueryObserver(queryClient, { queryKey: listKey, queryFn: server.read });
  cleanups.push(observer.subscribe(() => {}));
  server.change("after the change");
  return { server, queryClient };
}

describe("refetchAfterChange", () => {
  it("a plain invalidate joins the older in-flight read and keeps its stale result (the race)", async () => {
    const { server, queryClient } = viewOpenedJustBeforeAChange();
    await finish(queryClient.invalidateQueries({ queryKey: [["task"]] }), server);
    expect(queryClient.getQueryData(listKey)).toBe("before the change");
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(false);
  });

  it("cancels the older read so the refetch starts after the change and shows it", async () => {
    const { server, queryClient } = viewOpenedJustBeforeAChange();
    await finish(refetchAfterChange(queryClient, [{ queryKey: [["task"]] }]), server);
    expect(queryClient.getQueryData(listKey)).toBe("after the change");
  });

  it("refetches a query that already has data to the newest value", async () => {
    const server = fakeServer("v1");
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const observer = new QueryObserver(queryClient, { queryKey: tagKey, queryFn: server.read });
    cleanups.push(observer.subscribe(() => {}));
    await finish(queryClient.refetchQueries({ queryKey: tagKey }), server);
    server.change("v2");
    await finish(refetchAfterChange(queryClient, [{ queryKey: [["tag"]] }]), server);
    expect(queryClient.getQueryData(tagKey)).toBe("v2");
  });
});

describe("refetchSnapshotsOlderThan", () => {
  const LAST_CHANGE = 2_000;

  /** A server-rendered prefetch: one snapshot read before the last change, one after. */
  function serverSnapshot() {
    const server = new QueryClient();
    server.setQueryData(listKey, "list read before the change", { updatedAt: LAST_CHANGE - 1_000 });
    server.setQueryData(tagKey, "tags read after the change", { updatedAt: LAST_CHANGE + 1_000 });
    return dehydrate(server);
  }

  function client() {
    const fetched: string[] = [];
    const queryClient = new QueryClient({
      defaultOptions: {
        queries: {
          retry: false,
          staleTime: Infinity,
          queryFn: async ({ queryKey }) => {
            const name = JSON.stringify(queryKey[0]);
            fetched.push(name);
            return `${name} fetched now`;
          },
        },
      },
    });
    cleanups.push(refetchSnapshotsOlderThan(queryClient, () => LAST_CHANGE));
    return { queryClient, fetched };
  }

  async function idle(queryClient: QueryClient): Promise<void> {
    do {
      await new Promise((resolve) => setTimeout(resolve, 0));
    } while (queryClient.isFetching() > 0);
  }

  function observe(queryClient: QueryClient, queryKey: QueryKey): void {
    cleanups.push(new QueryObserver(queryClient, { queryKey }).subscribe(() => {}));
  }

  it("refetches an older snapshot added by hydration once it is shown, and leaves a newer one alone", async () => {
    const { queryClient, fetched } = client();
    hydrate(queryClient, serverSnapshot());
    await idle(queryClient);
    observe(queryClient, listKey);
    observe(queryClient, tagKey);
    await idle(queryClient);
    expect(queryClient.getQueryData(listKey)).toBe('["task","list"] fetched now');
    expect(queryClient.getQueryData(tagKey)).toBe("tags read after the change");
    expect(fetched).toEqual(['["task","list"]']);
  });

  it("refetches an on-screen query whose data hydration overwrote with an older snapshot", async () => {
    const { queryClient, fetched } = client();
    // On screen with data from even earlier; hydration replaces it (its snapshot is newer than that, older than the change).
    queryClient.setQueryData(listKey, "cached long ago", { updatedAt: LAST_CHANGE - 1_500 });
    queryClient.setQueryData(tagKey, "cached long ago", { updatedAt: LAST_CHANGE - 1_500 });
    observe(queryClient, listKey);
    observe(queryClient, tagKey);
    hydrate(queryClient, serverSnapshot());
    await idle(queryClient);
    expect(queryClient.getQueryData(listKey)).toBe('["task","list"] fetched now');
    expect(queryClient.getQueryData(tagKey)).toBe("tags read after the change");
    expect(fetched).toEqual(['["task","list"]']);
  });
});
