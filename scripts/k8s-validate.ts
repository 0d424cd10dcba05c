/**
 * `npm run k8s:validate [CHART_DIR]`: proves the Helm chart deploys, without a cluster.
 *   1. helm lint --strict with every values-*.yaml file of the chart;
 *   2. helm template with each of them;
 *   3. every rendered object applied with `kubectl apply --dry-run=server --validate=strict` to a real
 *      kube-apiserver (+ etcd) on loopback that has Dapr's and the Prometheus Operator's CRDs installed, so
 *      unknown fields, wrong types and invalid custom resources fail as they would on the cluster;
 *   4. policy: no `latest` or untagged image, every container with CPU and memory limits and a hardened
 *      securityContext, every workload selected by a NetworkPolicy and every long-running one by a PDB;
 *   5. Kafka topics: the chart's k8s/kafka-topics.yaml matches BROKER_TOPICS in the code, and with Dapr on Kafka a
 *      Job creates exactly those topics, every Dapr-enabled Deployment waits for them, the in-cluster broker does
 *      not auto-create topics.
 * All problems are reported, then the exit code is 1 if there was any. The tools come from
 * scripts/toolchain/k8s.sh (built once per version, cached outside the checkout).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { BROKER_TOPICS } from "../src/server/events/catalog";
import { freePort } from "./free-port";
import { chartTopicsDrift } from "./kafka-topics";
import { checkKafkaTopics, checkPolicies, type K8sObject } from "./k8s-policy";

const root = fileURLToPath(new URL("..", import.meta.url));
const chart = path.resolve(process.argv[2] ?? path.join(root, "k8s"));
const KUBE_VERSION = "1.34.4";
const NAMESPACE = "cadence";
const problems: string[] = [];
const log = (message: string) => console.log(`[k8s:validate] ${message}`);

function toolchain(): { bin: string; crds: string } {
  const out = execFileSync("bash", [path.join(root, "scripts/toolchain/k8s.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  return { bin: path.join(out, "bin"), crds: path.join(out, "crds") };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; out: string } {
  const result = spawnSync(cmd, args, { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, out: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
}

async function waitFor(probe: () => boolean, what: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** etcd + kube-apiserver on loopback with a static admin token; returns a kubeconfig path and a stop(). */
async function startApiServer(bin: string, work: string): Promise<{ kubeconfig: string; stop(): Promise<void> }> {
  const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const outputs = new Map<ChildProcess, string>();
  const start = (cmd: string, args: string[]) => {
    const child = spawn(path.join(bin, cmd), args, { stdio: ["ignore", "pipe", "pipe"] });
    outputs.set(child, "");
    const collect = (chunk: Buffer) => outputs.set(child, (outputs.get(child) ?? "").slice(-20_000) + chunk.toString());
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    children.push(child);
    return child;
  };
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  };
  try {
    const etcd = start("etcd", [
      "--data-dir", path.join(work, "etcd"),
      "--listen-client-urls", `http://127.0.0.1:${etcdClient}`,
      "--advertise-client-urls", `http://127.0.0.1:${etcdClient}`,
      "--listen-peer-urls", `http://127.0.0.1:${etcdPeer}`,
      "--initial-advertise-peer-urls", `http://127.0.0.1:${etcdPeer}`,
      "--initial-cluster", `default=http://127.0.0.1:${etcdPeer}`,
      "--log-level", "error",
      "--unsafe-no-fsync",
    ]);
    await waitFor(
      () => run("curl", ["-sf", `http://127.0.0.1:${etcdClient}/health`]).ok,
      "etcd", etcd, () => outputs.get(etcd) ?? "",
    );
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(path.join(work, "sa.pub"), publicKey.export({ type: "spki", format: "pem" }));
    writeFileSync(path.join(work, "sa.key"), privateKey.export({ type: "pkcs8", format: "pem" }));
    const token = randomBytes(24).toString("hex");
    writeFileSync(path.join(work, "tokens.csv"), `${token},admin,admin,system:masters\n`);
    const api = start("kube-apiserver", [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--cert-dir=${path.join(work, "certs")}`,
      `--token-auth-file=${path.join(work, "tokens.csv")}`,
      "--authorization-mode=RBAC",
      `--service-account-key-file=${path.join(work, "sa.pub")}`,
      `--service-account-signing-key-file=${path.join(work, "sa.key")}`,
      "--service-account-issuer=https://kubernetes.default.svc",
      "--service-cluster-ip-range=10.96.0.0/16",
      "--endpoint-reconciler-type=none",
      "--enable-priority-and-fairness=false",
      "--disable-admission-plugins=ServiceAccount",
      "--v=0",
    ]);
    const kubeconfig = path.join(work, "kubeconfig");
    writeFileSync(
      kubeconfig,
      [
        "apiVersion: v1",
        "kind: Config",
        `clusters: [{ name: local, cluster: { server: "https://127.0.0.1:${apiPort}", insecure-skip-tls-verify: true } }]`,
        `users: [{ name: admin, user: { token: "${token}" } }]`,
        "contexts: [{ name: local, context: { cluster: local, user: admin } }]",
        "current-context: local",
        "",
      ].join("\n"),
    );
    await waitFor(
      () => run(path.join(bin, "kubectl"), ["--kubeconfig", kubeconfig, "get", "--raw", "/readyz"]).ok,
      "kube-apiserver", api, () => outputs.get(api) ?? "",
      180_000,
    );
    return { kubeconfig, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function valuesFiles(): string[] {
  const files = readdirSync(chart).filter((f) => /^values-.+\.ya?ml$/.test(f)).sort();
  return files.length ? files : ["values.yaml"];
}

async function main() {
  if (!existsSync(path.join(chart, "Chart.yaml"))) throw new Error(`${chart} has no Chart.yaml`);
  const topicsDrift = chartTopicsDrift(chart);
  if (topicsDrift) problems.push(`kafka topics: ${topicsDrift}`);
  const { bin, crds } = toolchain();
  const helm = path.join(bin, "helm");
  const work = mkdtempSync(path.join(os.tmpdir(), "cadence-k8s-validate-"));
  const helmEnv = { ...process.env, HELM_CACHE_HOME: path.join(work, "helm/cache"), HELM_CONFIG_HOME: path.join(work, "helm/config"), HELM_DATA_HOME: path.join(work, "helm/data") };
  const rendered = new Map<string, string>();
  try {
    for (const file of valuesFiles()) {
      const values = ["-f", path.join(chart, file)];
      const lint = run(helm, ["lint", "--strict", "--kube-version", KUBE_VERSION, chart, ...values], helmEnv);
      if (!lint.ok) problems.push(`helm lint --strict (${file}):\n${lint.out}`);
      else log(`helm lint --strict: ${file} ok`);
      const template = run(helm, ["template", "cadence", chart, "--namespace", NAMESPACE, "--kube-version", KUBE_VERSION, ...values], helmEnv);
      if (!template.ok) problems.push(`helm template (${file}):\n${template.out}`);
      else rendered.set(file, template.out);
    }

    for (const [file, yamlText] of rendered) {
      const objects = parseAllDocuments(yamlText)
        .map((doc) => doc.toJS() as K8sObject | null)
        .filter((o): o is K8sObject => o !== null && typeof o === "object");
      for (const problem of checkPolicies(objects)) problems.push(`policy (${file}): ${problem}`);
      for (const problem of checkKafkaTopics(objects, BROKER_TOPICS)) problems.push(`kafka topics (${file}): ${problem}`);
      log(`${file}: ${objects.length} objects rendered, policy and Kafka topics checked`);
    }

    if (rendered.size) {
      log("starting etcd + kube-apiserver on loopback");
      const api = await startApiServer(bin, work);
      try {
        const kubectl = (...args: string[]) => run(path.join(bin, "kubectl"), ["--kubeconfig", api.kubeconfig, ...args]);
        const crdApply = kubectl("apply", "--server-side", "-f", crds);
        if (!crdApply.ok) throw new Error(`installing CRDs failed:\n${crdApply.out}`);
        const established = kubectl("wait", "--for=condition=Established", "crd", "--all", "--timeout=120s");
        if (!established.ok) throw new Error(`CRDs not established:\n${established.out}`);
        kubectl("create", "namespace", NAMESPACE);
        for (const [file, yamlText] of rendered) {
          const manifest = path.join(work, `${file}.rendered.yaml`);
          writeFileSync(manifest, yamlText);
          const applied = kubectl("apply", "--dry-run=server", "--validate=strict", "-n", NAMESPACE, "-f", manifest);
          if (!applied.ok) problems.push(`kubectl apply --dry-run=server (${file}):\n${applied.out}`);
          else log(`${file}: accepted by kube-apiserver v${KUBE_VERSION} (${applied.out.split("\n").length} objects)`);
        }
      } finally {
        await api.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`[k8s:validate] ${chart}: ${problems.length} problem(s)\n\n${problems.join("\n\n")}`);
    process.exit(1);
  }
  log(`${chart}: ok`);
}

main().catch((error: unknown) => {
  console.error(`[k8s:validate] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
