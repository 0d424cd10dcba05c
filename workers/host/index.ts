export { runEmbedded, type EmbeddedWorkers } from "./embedded";
export { serveWithDapr, type DaprServeOptions, type DaprWorkerServer } from "./dapr-server";
export { createJobRunner, type JobResult, type JobRunner } from "./jobs";
export { daprSubscriptions, type DaprSubscription } from "./subscriptions";
export { runWorkerProcess } from "./main";
export { DEFAULT_BULK_SUBSCRIBE, deliverBulk, type BulkAnswer, type BulkEnvelope, type BulkSubscribeConfig } from "./bulk";
