/**
 * Policy checks over rendered Kubernetes objects (used by `npm run k8s:validate`): what the API server accepts
 * but a production deployment must not have.
 */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  /** A ConfigMap's data. */
  data?: Record<string, string>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface Container {
  name?: string;
  image?: string;
  command?: string[];
  env?: { name: string; value?: string }[];
  resources?: { limits?: Record<string, unknown> };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities?: { drop?: string[] };
    seccompProfile?: { type?: string };
  };
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; seccompProfile?: { type?: string } };
  containers?: Container[];
  initContainers?: Container[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: PodSpec;
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);
/** Long-running workloads: voluntary disruptions (node drains) must respect a PodDisruptionBudget. */
const NEEDS_PDB = new Set(["Deployment", "StatefulSet", "ReplicaSet"]);

function podTemplate(object: K8sObject): PodTemplate | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (object.kind === "Pod") return { metadata: object.metadata, spec: spec as PodSpec };
  if (object.kind === "CronJob") {
    const jobTemplate = spec?.jobTemplate as { spec?: { template?: PodTemplate } } | undefined;
    return jobTemplate?.spec?.template;
  }
  return spec?.template as PodTemplate | undefined;
}

/** Kubernetes label-selector semantics (matchLabels AND matchExpressions); an empty selector selects all. */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = key in labels;
    if (operator === "In" && !(has && values.includes(labels[key]!))) return false;
    if (operator === "NotIn" && has && values.includes(labels[key]!)) return false;
    if (operator === "Exists" && !has) return false;
    if (operator === "DoesNotExist" && has) return false;
  }
  return true;
}

function imageProblem(image: string | undefined): string | undefined {
  if (!image) return "has no image";
  const withoutDigest = image.split("@")[0]!;
  const lastSegment = withoutDigest.split("/").pop()!;
  if (!lastSegment.includes(":")) return `image ${image} has no tag (means latest)`;
  if (lastSegment.endsWith(":latest")) return `image ${image} uses the latest tag`;
  return undefined;
}

export function checkPolicies(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const networkPolicies = objects.filter((o) => o.kind === "NetworkPolicy");
  const pdbs = objects.filter((o) => o.kind === "PodDisruptionBudget");
  for (const object of objects) {
    if (!object.kind || !WORKLOADS.has(object.kind)) continue;
    const name = `${object.kind}/${object.metadata?.name ?? "?"}`;
    const template = podTemplate(object);
    const pod = template?.spec;
    if (!pod) {
      problems.push(`${name} has no pod template`);
      continue;
    }
    const labels = template.metadata?.labels ?? {};
    const podRunAsNonRoot = pod.securityContext?.runAsNonRoot === true;
    const podSeccomp = pod.securityContext?.seccompProfile?.type;
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const where = `${name} container ${container.name ?? "?"}`;
      const image = imageProblem(container.image);
      if (image) problems.push(`${where}: ${image}`);
      const limits = container.resources?.limits ?? {};
      for (const resource of ["cpu", "memory"]) if (limits[resource] === undefined) problems.push(`${where}: no ${resource} limit`);
      const sc = container.securityContext ?? {};
      if (!(sc.runAsNonRoot ?? podRunAsNonRoot)) problems.push(`${where}: may run as root (runAsNonRoot is not true)`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${where}: allowPrivilegeEscalation is not false`);
      if (sc.privileged === true) problems.push(`${where}: privileged`);
      if (!sc.capabilities?.drop?.includes("ALL")) problems.push(`${where}: capabilities do not drop ALL`);
      if ((sc.seccompProfile?.type ?? podSeccomp) !== "RuntimeDefault") problems.push(`${where}: seccomp profile is not RuntimeDefault`);
    }
    const netpols = networkPolicies.filter((np) => selects(np.spec?.podSelector as LabelSelector | undefined, labels));
    if (!netpols.length) problems.push(`${name} is selected by no NetworkPolicy`);
    if (NEEDS_PDB.has(object.kind) && !pdbs.some((pdb) => selects(pdb.spec?.selector as LabelSelector | undefined, labels))) {
      problems.push(`${name} is selected by no PodDisruptionBudget`);
    }
  }
  return problems;
}

/** The topics a kafka-topics.sh container works on (its TOPICS variable), or undefined when it is not one. */
function topicsOf(container: Container, mode: "create" | "wait"): string[] | undefined {
  const command = container.command ?? [];
  if (!command.some((arg) => arg.endsWith("kafka-topics.sh")) || command.at(-1) !== mode) return undefined;
  const value = container.env?.find((variable) => variable.name === "TOPICS")?.value ?? "";
  return value.split(/\s+/).filter(Boolean);
}

function topicListProblems(where: string, actual: string[], expected: readonly string[], verb: string): string[] {
  const missing = expected.filter((topic) => !actual.includes(topic));
  const unknown = actual.filter((topic) => !expected.includes(topic));
  return [
    ...(missing.length ? [`${where} does not ${verb} ${missing.join(", ")}`] : []),
    ...(unknown.length ? [`${where} names topics the code does not use: ${unknown.join(", ")}`] : []),
  ];
}

/**
 * With Dapr on Kafka (a pubsub.kafka Component is rendered), every topic must exist before a sidecar starts: a Job
 * runs `kafka-topics.sh create` for exactly `topics` (BROKER_TOPICS), with --if-not-exists; every Dapr-enabled
 * Deployment holds its pods in an init container running `kafka-topics.sh wait` for the same list; an in-cluster
 * broker (a StatefulSet running KRaft) does not auto-create topics.
 */
export function checkKafkaTopics(objects: K8sObject[], topics: readonly string[]): string[] {
  const usesKafka = objects.some((o) => o.kind === "Component" && o.spec?.type === "pubsub.kafka");
  if (!usesKafka) return [];
  const problems: string[] = [];
  const name = (object: K8sObject) => `${object.kind}/${object.metadata?.name ?? "?"}`;

  const creators = objects
    .filter((o) => o.kind === "Job")
    .flatMap((job) => (podTemplate(job)?.spec?.containers ?? []).map((c) => ({ job, topics: topicsOf(c, "create") })))
    .filter((found): found is { job: K8sObject; topics: string[] } => found.topics !== undefined);
  if (!creators.length) problems.push("no Job creates the Kafka topics (a container running kafka-topics.sh create)");
  for (const { job, topics: created } of creators) problems.push(...topicListProblems(name(job), created, topics, "create"));

  const scripts = objects.flatMap((o) => {
    const script = o.kind === "ConfigMap" ? o.data?.["kafka-topics.sh"] : undefined;
    return script === undefined ? [] : [script];
  });
  if (!scripts.length) problems.push("no ConfigMap holds kafka-topics.sh");
  else if (!scripts.every((script) => /--create --if-not-exists/.test(script))) problems.push("kafka-topics.sh does not create with --if-not-exists");

  for (const deployment of objects.filter((o) => o.kind === "Deployment")) {
    const template = podTemplate(deployment);
    if (template?.metadata?.annotations?.["dapr.io/enabled"] !== "true") continue;
    const waits = (template.spec?.initContainers ?? []).map((c) => topicsOf(c, "wait")).filter((t): t is string[] => t !== undefined);
    if (!waits.length) problems.push(`${name(deployment)} has no init container waiting for the Kafka topics (kafka-topics.sh wait)`);
    for (const awaited of waits) problems.push(...topicListProblems(`${name(deployment)} init container`, awaited, topics, "wait for"));
  }

  for (const broker of objects.filter((o) => o.kind === "StatefulSet")) {
    for (const container of podTemplate(broker)?.spec?.containers ?? []) {
      const env = new Map((container.env ?? []).map((variable) => [variable.name, variable.value]));
      if (!env.has("KAFKA_PROCESS_ROLES")) continue;
      if (env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE") !== "false") {
        problems.push(`${name(broker)}: the broker auto-creates topics (KAFKA_AUTO_CREATE_TOPICS_ENABLE is not "false")`);
      }
    }
  }
  return problems;
}
