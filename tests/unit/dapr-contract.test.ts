// The sidecar contract (tests/support/dapr-contract/cases.ts) against the double; the same cases run against
// daprd + Kafka in tests/real-stack/dapr-contract.test.ts.
import { sidecarContract } from "../support/dapr-contract/cases";
import { deliveryRetryOf, outboundBreakerOf } from "../support/dapr-double/breaker";
import { startDaprDouble } from "../support/dapr-double";

sidecarContract("double", async ({ appId, app, declared }) => {
  const apiToken = "contract-api-token";
  const appToken = "contract-app-token";
  // The same resiliency as the real sidecars (dapr-components/resiliency.yaml).
  const double = await startDaprDouble({
    apiToken,
    appToken,
    apps: [{ appId, appPort: app.port, declared }],
    resiliency: deliveryRetryOf(),
    outboundBreaker: outboundBreakerOf(),
  });
  await double.discover(appId);
  return {
    url: double.sidecar(appId).url,
    apiToken,
    appToken,
    topicKeys: async (topic, count) => double.published(topic).slice(0, count).map((m) => ({ key: m.partitionKey ?? null, id: m.event.id })),
    close: () => double.close(),
  };
});
