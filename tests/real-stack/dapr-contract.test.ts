// The sidecar contract (tests/support/dapr-contract/cases.ts) against daprd 1.18.2 + Kafka 3.9.2; the same cases
// run against the double in tests/unit/dapr-contract.test.ts.
import { sidecarContract } from "../support/dapr-contract/cases";
import { CONTRACT_APP_PORT, startRealSidecar } from "./sidecar-target";

sidecarContract("daprd + Kafka", startRealSidecar, { appPort: CONTRACT_APP_PORT });
