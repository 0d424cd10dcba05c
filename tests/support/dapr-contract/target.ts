// What the contract cases need from a sidecar under test: the double (tests/support/dapr-double) or a real daprd
// next to a real Kafka (tests/real-stack/sidecar-target.ts). The cases talk to it only over its HTTP API.
import type { ContractApp } from "./app";
import type { Subscription } from "../dapr-double";

export interface SidecarTarget {
  /** The sidecar's HTTP API, as the app's DAPR_HTTP_PORT reaches it. */
  url: string;
  /** DAPR_API_TOKEN (the app sends it) and APP_API_TOKEN (the sidecar sends it to the app). */
  apiToken: string;
  appToken: string;
  /** The first `count` messages of a topic with their keys, as the broker holds them (Kafka's own console consumer). */
  topicKeys(topic: string, count: number): Promise<{ key: string | null; id: string }[]>;
  close(): Promise<void>;
}

export interface TargetSetup {
  appId: string;
  app: ContractApp;
  /** Declarative subscriptions (Subscription resources scoped to the app); the rest the app lists on /dapr/subscribe. */
  declared: Subscription[];
}

export type StartTarget = (setup: TargetSetup) => Promise<SidecarTarget>;
