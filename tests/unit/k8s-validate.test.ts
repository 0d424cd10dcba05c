// `npm run k8s:validate` must fail on a chart the cluster would reject or that breaks policy, naming each
// problem: a broken copy of k8s/ (an unknown field, a string where the API wants an integer, a container
// without limits, workers that do not wait for the Kafka topics, a topic list drifted from the code) goes through
// the same lint → template → kube-apiserver dry-run → policy pipeline.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { BROKER_TOPICS, TOPIC_PARTITIONS } from "@/server/events/catalog";
import { chartTopicsDrift, renderChartTopics } from "../../scripts/kafka-topics";
import { checkKafkaTopics, checkPolicies, type K8sObject } from "../../scripts/k8s-policy";

const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(os.tmpdir(), "cadence-broken-chart-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function edit(file: string, from: string, to: string) {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

describe("k8s:validate", () => {
  it("rejects a chart with an unknown field, a wrong type, a container without limits, workers that do not wait for the Kafka topics and a drifted topic list, naming each", { timeout: 900_000 }, () => {
    const chart = path.join(work, "k8s");
    cpSync(path.join(root, "k8s"), chart, { recursive: true });
    // Unknown field in the app's container.
    edit(path.join(chart, "templates/app.yaml"), "          args: [\"app\"]\n", "          args: [\"app\"]\n          restartPolicyy: Always\n");
    // A string where Deployment.spec.replicas is an integer (helm template alone accepts it).
    edit(path.join(chart, "templates/workers.yaml"), "  replicas: {{ $worker.replicas }}", "  replicas: {{ $worker.replicas | quote }}");
    // No limits for the notifications worker.
    edit(path.join(chart, "values.yaml"), "      requests: { cpu: 50m, memory: 128Mi }\n      limits: { cpu: 500m, memory: 256Mi }\n  realtime:", "      requests: { cpu: 50m, memory: 128Mi }\n  realtime:");
    // Workers that start consuming without waiting for the topics.
    edit(path.join(chart, "templates/workers.yaml"), "{{- if include \"cadence.kafkaTopics.enabled\" $ }}\n      # Held until", "{{- if false }}\n      # Held until");
    // A topic list edited by hand: the chart's Job would not create the webhooks dead-letter topic.
    edit(path.join(chart, "kafka-topics.yaml"), "  - webhooks-dlq\n", "");

    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/k8s-validate.ts", chart], { cwd: root, encoding: "utf8" });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/unknown field "spec\.template\.spec\.containers\[0\]\.restartPolicyy"/);
    expect(output).toMatch(/cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32/);
    expect(output).toContain("container notifications: no cpu limit");
    expect(output).toContain("kafka-topics.yaml is out of date with BROKER_TOPICS/TOPIC_PARTITIONS in src/server/events/catalog.ts; run npm run k8s:topics");
    expect(output).toContain("Deployment/cadence-recurrence has no init container waiting for the Kafka topics");
    expect(output).toMatch(/Job\/cadence-kafka-topics-[0-9a-f]{10} does not create webhooks-dlq/);
  });
});

describe("Kafka topics in the Helm chart", () => {
  const chart = path.join(root, "k8s");

  it("k8s/kafka-topics.yaml is what `npm run k8s:topics` writes from BROKER_TOPICS (every topic and its dead-letter topic)", () => {
    expect(chartTopicsDrift(), "run npm run k8s:topics").toBeUndefined();
    const file = parse(readFileSync(path.join(chart, "kafka-topics.yaml"), "utf8")) as { partitions: number; topics: string[] };
    expect(file.partitions).toBe(TOPIC_PARTITIONS);
    expect(file.topics).toEqual([...BROKER_TOPICS]);
    expect(file.topics).toContain("reminders-dlq");
  });

  it("the drift check notices a topic added to the code", () => {
    const copy = path.join(work, "drift");
    cpSync(chart, copy, { recursive: true });
    writeFileSync(path.join(copy, "kafka-topics.yaml"), renderChartTopics([...BROKER_TOPICS, "new-topic", "new-topic-dlq"]));
    expect(chartTopicsDrift(copy)).toMatch(/kafka-topics\.yaml is out of date/);
  });

  it("creates every topic the declarative subscriptions consume or dead-letter to", () => {
    const named = readdirSync(path.join(chart, "subscriptions")).flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(chart, "subscriptions", file), "utf8")).flatMap((doc) => {
        const spec = (doc.toJS() as { spec: { topic: string; deadLetterTopic?: string } }).spec;
        return [spec.topic, ...(spec.deadLetterTopic ? [spec.deadLetterTopic] : [])];
      }),
    );
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((topic) => !BROKER_TOPICS.includes(topic))).toEqual([]);
  });

  it.each(["values.yaml", "values-minikube.yaml", "values-oke.yaml"])(
    "%s: the rendered Job creates the topics with Kafka's image, every Dapr pod waits for them",
    { timeout: 600_000 },
    (file) => {
      const bin = path.join(execFileSync("bash", [path.join(root, "scripts/toolchain/k8s.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim(), "bin");
      const helmHome = { HELM_CACHE_HOME: path.join(work, "helm/cache"), HELM_CONFIG_HOME: path.join(work, "helm/config"), HELM_DATA_HOME: path.join(work, "helm/data") };
      const rendered = execFileSync(
        path.join(bin, "helm"),
        ["template", "cadence", chart, "--namespace", "cadence", "--kube-version", "1.34.4", "-f", path.join(chart, file)],
        { encoding: "utf8", env: { ...process.env, ...helmHome } },
      );
      const objects = parseAllDocuments(rendered).map((doc) => doc.toJS() as K8sObject).filter(Boolean);
      expect(checkKafkaTopics(objects, BROKER_TOPICS)).toEqual([]);

      const values = parse(readFileSync(path.join(chart, "values.yaml"), "utf8")) as { kafka: { image: string } };
      const job = objects.find((o) => o.kind === "Job" && o.metadata?.name?.startsWith("cadence-kafka-topics-"));
      const container = (job?.spec as { template: { spec: { containers: { image: string; env: { name: string; value?: string }[] }[] } } }).template.spec.containers[0]!;
      expect(container.image).toBe(values.kafka.image);
      const env = Object.fromEntries(container.env.map((variable) => [variable.name, variable.value]));
      expect(env.TOPICS?.split(" ")).toEqual([...BROKER_TOPICS]);
      expect(env.TOPIC_PARTITIONS).toBe(String(TOPIC_PARTITIONS));
      expect(env.KAFKA_SECURITY_PROTOCOL).toBe(file === "values-oke.yaml" ? "SASL_SSL" : "PLAINTEXT");
      const script = objects.find((o) => o.kind === "ConfigMap" && o.data?.["kafka-topics.sh"])?.data?.["kafka-topics.sh"];
      expect(script?.trim()).toBe(readFileSync(path.join(chart, "files/kafka-topics.sh"), "utf8").trim());

      const broker = objects.find((o) => o.kind === "StatefulSet" && o.metadata?.name === "cadence-kafka");
      expect(broker !== undefined).toBe(file === "values-minikube.yaml");
    },
  );
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

describe("Kafka topic checks", () => {
  const topics = ["a", "a-dlq"];
  const kafkaComponent: K8sObject = { kind: "Component", metadata: { name: "pubsub" }, spec: { type: "pubsub.kafka" } };
  const env = (list: string) => [{ name: "TOPICS", value: list }];
  const job = (list = "a a-dlq"): K8sObject => ({
    kind: "Job",
    metadata: { name: "t" },
    spec: { template: { spec: { containers: [{ name: "create-topics", command: ["sh", "/opt/cadence/kafka-topics.sh", "create"], env: env(list) }] } } },
  });
  const script = (text = "kafka_topics --create --if-not-exists --topic \"$topic\""): K8sObject => ({ kind: "ConfigMap", metadata: { name: "s" }, data: { "kafka-topics.sh": text } });
  const wait = (list = "a a-dlq") => ({ name: "wait-for-topics", command: ["sh", "/opt/cadence/kafka-topics.sh", "wait"], env: env(list) });
  const daprDeployment = (initContainers: unknown[]): K8sObject => ({
    kind: "Deployment",
    metadata: { name: "w" },
    spec: { template: { metadata: { annotations: { "dapr.io/enabled": "true" } }, spec: { initContainers, containers: [] } } },
  });
  const broker = (autoCreate?: string): K8sObject => ({
    kind: "StatefulSet",
    metadata: { name: "kafka" },
    spec: {
      template: {
        spec: {
          containers: [
            { name: "kafka", env: [{ name: "KAFKA_PROCESS_ROLES", value: "broker,controller" }, ...(autoCreate ? [{ name: "KAFKA_AUTO_CREATE_TOPICS_ENABLE", value: autoCreate }] : [])] },
          ],
        },
      },
    },
  });

  it("accept a Job creating every topic, Dapr pods waiting for them and a broker that does not auto-create", () => {
    expect(checkKafkaTopics([kafkaComponent, job(), script(), daprDeployment([wait()]), broker("false")], topics)).toEqual([]);
  });

  it("ask nothing of a chart whose Dapr pub/sub is not Kafka", () => {
    expect(checkKafkaTopics([daprDeployment([]), broker()], topics)).toEqual([]);
  });

  it("name a missing Job, a Dapr pod that does not wait and a broker that auto-creates topics", () => {
    expect(checkKafkaTopics([kafkaComponent, script(), daprDeployment([]), broker()], topics)).toEqual([
      "no Job creates the Kafka topics (a container running kafka-topics.sh create)",
      "Deployment/w has no init container waiting for the Kafka topics (kafka-topics.sh wait)",
      'StatefulSet/kafka: the broker auto-creates topics (KAFKA_AUTO_CREATE_TOPICS_ENABLE is not "false")',
    ]);
  });

  it("name topics the Job or the init container leaves out or adds, and a create without --if-not-exists", () => {
    expect(checkKafkaTopics([kafkaComponent, job("a b"), script("kafka_topics --create --topic x"), daprDeployment([wait("a")])], topics)).toEqual([
      "Job/t does not create a-dlq",
      "Job/t names topics the code does not use: b",
      "kafka-topics.sh does not create with --if-not-exists",
      "Deployment/w init container does not wait for a-dlq",
    ]);
  });
});
