// What the dashboards and alerts need from the processes' metrics: every `cadence_*` series they query, with
// the labels they select or group by. Read from the chart's files, so a panel or rule added there is checked.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const chart = path.resolve(import.meta.dirname, "../../k8s");
/** Labels Prometheus adds from the scrape target (PodMonitor), not exported by the processes. */
const TARGET_LABELS = new Set(["pod", "namespace", "instance", "job", "container", "service", "endpoint", "le"]);

export function dashboardAndAlertQueries(): { source: string; expr: string }[] {
  const queries: { source: string; expr: string }[] = [];
  for (const file of readdirSync(path.join(chart, "dashboards")).filter((f) => f.endsWith(".json"))) {
    const dashboard = JSON.parse(readFileSync(path.join(chart, "dashboards", file), "utf8")) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    for (const panel of dashboard.panels) for (const target of panel.targets ?? []) queries.push({ source: `${file}: ${panel.title}`, expr: target.expr });
  }
  const rules = parse(readFileSync(path.join(chart, "alerts", "cadence.rules.yaml"), "utf8")) as {
    groups: { rules: { alert: string; expr: string }[] }[];
  };
  for (const group of rules.groups) for (const rule of group.rules) queries.push({ source: `alert ${rule.alert}`, expr: rule.expr });
  return queries;
}

/** Body of the parenthesised group starting at `open` (the index of "("). */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/**
 * metric → labels the queries need on it, for the series of one exporter: Cadence's own (`cadence_`, from the app
 * and workers) by default, or the sidecars' (`dapr_`, checked on the real daprd by tests/real-stack).
 */
export function requiredSeries(queries = dashboardAndAlertQueries(), prefix: "cadence_" | "dapr_" = "cadence_"): Map<string, Set<string>> {
  const metricName = new RegExp(`\\b(${prefix}[a-z0-9_]+)(\\{([^}]*)\\})?`, "g");
  const metricOnly = new RegExp(`\\b(${prefix}[a-z0-9_]+)`, "g");
  const required = new Map<string, Set<string>>();
  const need = (metric: string, labels: Iterable<string>) => {
    const set = required.get(metric) ?? new Set<string>();
    for (const label of labels) if (!TARGET_LABELS.has(label)) set.add(label);
    required.set(metric, set);
  };
  for (const { expr } of queries) {
    for (const match of expr.matchAll(metricName)) {
      const labels = [...(match[3] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)].map((m) => m[1]!);
      need(match[1]!, labels);
    }
    for (const match of expr.matchAll(/\bby\s*\(([^)]*)\)\s*\(/g)) {
      const labels = match[1]!.split(",").map((l) => l.trim()).filter(Boolean);
      const body = balanced(expr, match.index + match[0].length - 1);
      for (const metric of body.matchAll(metricOnly)) need(metric[1]!, labels);
    }
  }
  return required;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text exposition → samples (comments skipped). */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[3] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[4]) });
  }
  return samples;
}
