// `npm run k8s:validate` must fail on a chart the cluster would reject or that breaks policy, naming each
// problem: a broken copy of k8s/ (an unknown field, a string where the API wants an integer, a container
// without limits) goes through the same lint → template → kube-apiserver dry-run → policy pipeline.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPolicies, type K8sObject } from "../../scripts/k8s-policy";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(os.tmpdir(), "cadence-broken-chart-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

describe("k8s:validate", () => {
  it("rejects a chart with an unknown field, a wrong type and a container without limits, naming each", { timeout: 900_000 }, () => {
    const chart = path.join(work, "k8s");
    cpSync(path.join(root, "k8s"), chart, { recursive: true });
    // Unknown field in the app's container.
    edit(path.join(chart, "templates/app.yaml"), "          args: [\"app\"]\n", "          args: [\"app\"]\n          restartPolicyy: Always\n");
    // A string where Deployment.spec.replicas is an integer (helm template alone accepts it).
    edit(path.join(chart, "templates/workers.yaml"), "  replicas: {{ $worker.replicas }}", "  replicas: {{ $worker.replicas | quote }}");
    // No limits for the notifications worker.
    edit(path.join(chart, "values.yaml"), "      requests: { cpu: 50m, memory: 128Mi }\n      limits: { cpu: 500m, memory: 256Mi }\n  realtime:", "      requests: { cpu: 50m, memory: 128Mi }\n  realtime:");

    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/k8s-validate.ts", chart], { cwd: root, encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/unknown field "spec\.template\.spec\.containers\[0\]\.restartPolicyy"/);
    expect(output).toMatch(/cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32/);
    expect(output).toContain("container notifications: no cpu limit");
  });
});

describe("k8s policy checks", () => {
  const deployment = (image: string, labels = { app: "x" }): K8sObject => ({
    kind: "Deployment",
    metadata: { name: "x" },
    spec: {
      template: {
        metadata: { labels },
        spec: {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
          containers: [
            {
              name: "c",
              image,
              resources: { limits: { cpu: "1", memory: "1Gi" } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      },
    },
  });
  const networkPolicy: K8sObject = { kind: "NetworkPolicy", metadata: { name: "np" }, spec: { podSelector: { matchLabels: { app: "x" } } } };
  const pdb: K8sObject = { kind: "PodDisruptionBudget", metadata: { name: "pdb" }, spec: { selector: { matchLabels: { app: "x" } } } };

  it("accept a hardened, pinned, covered workload", () => {
    expect(checkPolicies([deployment("ghcr.io/cadence/cadence:1.2.3"), networkPolicy, pdb])).toEqual([]);
  });

  it("refuse latest and untagged images", () => {
    expect(checkPolicies([deployment("ghcr.io/cadence/cadence:latest"), networkPolicy, pdb])).toEqual([
      "Deployment/x container c: image ghcr.io/cadence/cadence:latest uses the latest tag",
    ]);
    expect(checkPolicies([deployment("localhost:5000/cadence"), networkPolicy, pdb])).toEqual([
      "Deployment/x container c: image localhost:5000/cadence has no tag (means latest)",
    ]);
  });

  it("refuse a workload no NetworkPolicy or PDB selects", () => {
    expect(checkPolicies([deployment("a:1", { app: "y" }), networkPolicy, pdb])).toEqual([
      "Deployment/x is selected by no NetworkPolicy",
      "Deployment/x is selected by no PodDisruptionBudget",
    ]);
  });
});
