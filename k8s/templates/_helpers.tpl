{{/* Names and labels shared by every object of the release. */}}
{{- define "cadence.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "cadence.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/part-of: cadence
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of one component: pass (dict "root" $ "component" "app"). */}}
{{- define "cadence.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "cadence.componentName" -}}
{{ include "cadence.fullname" .root }}-{{ .component }}
{{- end -}}

{{/* The Dapr app id: stable across releases, as the Dapr resources' scopes and the subscriptions name it. */}}
{{- define "cadence.appId" -}}
cadence-{{ . }}
{{- end -}}

{{- define "cadence.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if eq $tag "latest" -}}{{- fail "image.tag must name a version, not latest" -}}{{- end -}}
{{- if .Values.image.digest -}}{{ .Values.image.repository }}:{{ $tag }}@{{ .Values.image.digest }}{{- else -}}{{ .Values.image.repository }}:{{ $tag }}{{- end -}}
{{- end -}}

{{/* Dapr sidecar annotations of one process: (dict "root" $ "appId" "cadence-app" "port" 3000). */}}
{{- define "cadence.daprAnnotations" -}}
{{- $d := .root.Values.dapr -}}
dapr.io/enabled: {{ $d.enabled | quote }}
dapr.io/app-id: {{ .appId | quote }}
dapr.io/app-port: {{ .port | quote }}
dapr.io/app-protocol: "http"
dapr.io/config: {{ $d.configName | quote }}
dapr.io/log-level: {{ $d.logLevel | quote }}
dapr.io/api-token-secret: {{ $d.apiTokenSecret | quote }}
dapr.io/app-token-secret: {{ $d.appTokenSecret | quote }}
dapr.io/sidecar-cpu-request: {{ $d.sidecar.cpuRequest | quote }}
dapr.io/sidecar-memory-request: {{ $d.sidecar.memoryRequest | quote }}
dapr.io/sidecar-cpu-limit: {{ $d.sidecar.cpuLimit | quote }}
dapr.io/sidecar-memory-limit: {{ $d.sidecar.memoryLimit | quote }}
dapr.io/enable-metrics: "true"
dapr.io/metrics-port: {{ $d.metricsPort | quote }}
dapr.io/sidecar-seccomp-profile-type: "RuntimeDefault"
dapr.io/graceful-shutdown-seconds: "20"
dapr.io/block-shutdown-duration: "15s"
{{- end -}}

{{/* Environment of every Cadence process: the ConfigMap, the existing Secret, the Dapr tokens. */}}
{{- define "cadence.env" -}}
envFrom:
  - configMapRef: { name: {{ include "cadence.fullname" .root }}-config }
  - secretRef: { name: {{ .root.Values.existingSecret }} }
env:
  - { name: PORT, value: {{ .port | quote }} }
  - { name: DATA_DIR, value: /tmp/cadence }
  - name: DAPR_API_TOKEN
    valueFrom: { secretKeyRef: { name: {{ .root.Values.dapr.apiTokenSecret }}, key: token } }
  - name: APP_API_TOKEN
    valueFrom: { secretKeyRef: { name: {{ .root.Values.dapr.appTokenSecret }}, key: token } }
{{- end -}}

{{- define "cadence.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A writable /tmp on the read-only root filesystem (Next's cache, DATA_DIR). */}}
{{- define "cadence.tmpVolume" -}}
- name: tmp
  emptyDir: { sizeLimit: 256Mi }
- name: next-cache
  emptyDir: { sizeLimit: 256Mi }
{{- end -}}

{{/*
Kafka topics (templates/kafka-topics.yaml): the list is k8s/kafka-topics.yaml, generated from the code by
`npm run k8s:topics` (k8s:validate fails when it drifts). Only with Dapr on Kafka and kafkaTopics.enabled.
*/}}
{{- define "cadence.kafkaTopics.enabled" -}}
{{- if and .Values.dapr.enabled .Values.kafkaTopics.enabled (eq .Values.dapr.pubsub.type "kafka") -}}true{{- end -}}
{{- end -}}

{{- define "cadence.kafkaTopics.file" -}}
{{- $file := .Files.Get "kafka-topics.yaml" | fromYaml -}}
{{- if not $file.topics -}}{{- fail "k8s/kafka-topics.yaml lists no topics: run npm run k8s:topics" -}}{{- end -}}
{{- toYaml $file -}}
{{- end -}}

{{/* The topics, separated by spaces (the script's TOPICS). */}}
{{- define "cadence.kafkaTopics.list" -}}
{{- join " " (include "cadence.kafkaTopics.file" . | fromYaml).topics -}}
{{- end -}}

{{/* kafkaTopics.partitions, or the partitions the code uses (k8s/kafka-topics.yaml). */}}
{{- define "cadence.kafkaTopics.partitions" -}}
{{- default (include "cadence.kafkaTopics.file" . | fromYaml).partitions .Values.kafkaTopics.partitions | toString -}}
{{- end -}}

{{/* Where the script reaches the broker, and how it authenticates: the Dapr pub/sub component's settings. */}}
{{- define "cadence.kafkaTopics.env" -}}
{{- $k := .Values.dapr.pubsub.kafka -}}
{{- $sasl := eq $k.authType "password" -}}
{{- if not (or $sasl (eq $k.authType "none")) -}}
{{- fail (printf "kafkaTopics supports dapr.pubsub.kafka.authType none or password, not %s: create the topics of k8s/kafka-topics.yaml yourself and set kafkaTopics.enabled=false" $k.authType) -}}
{{- end -}}
- { name: KAFKA_BOOTSTRAP_SERVERS, value: {{ $k.brokers | quote }} }
- { name: KAFKA_SECURITY_PROTOCOL, value: {{ printf "%s%s" (ternary "SASL_" "" $sasl) (ternary "SSL" "PLAINTEXT" (eq (toString $k.tls) "true")) | quote }} }
{{- if $sasl }}
{{- /* Dapr names the SCRAM mechanisms SHA-256 and SHA-512; Kafka's clients SCRAM-SHA-256 and SCRAM-SHA-512. */}}
- { name: KAFKA_SASL_MECHANISM, value: {{ ternary (printf "SCRAM-%s" $k.saslMechanism) $k.saslMechanism (hasPrefix "SHA-" $k.saslMechanism) | quote }} }
- name: KAFKA_SASL_USERNAME
  valueFrom: { secretKeyRef: { name: {{ required "dapr.pubsub.kafka.existingSecret is required with authType password" $k.existingSecret }}, key: username } }
- name: KAFKA_SASL_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ $k.existingSecret }}, key: password } }
{{- end }}
- name: TOPICS
  value: {{ include "cadence.kafkaTopics.list" . | quote }}
- { name: TOPIC_PARTITIONS, value: {{ include "cadence.kafkaTopics.partitions" . | quote }} }
- { name: TOPIC_REPLICATION_FACTOR, value: {{ .Values.kafkaTopics.replicationFactor | toString | quote }} }
- { name: WAIT_ATTEMPTS, value: {{ .Values.kafkaTopics.waitAttempts | quote }} }
- { name: WAIT_INTERVAL_SECONDS, value: {{ .Values.kafkaTopics.waitIntervalSeconds | quote }} }
- { name: TMPDIR, value: /tmp }
# One short-lived admin client per call: a small heap, no JIT beyond C1.
- { name: KAFKA_HEAP_OPTS, value: "-Xms32m -Xmx128m" }
- { name: KAFKA_JVM_PERFORMANCE_OPTS, value: "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true" }
{{- end -}}

{{/* Named after what it runs, so a changed topic list, partitions, broker or image is a new Job (a Job's pod template is immutable). */}}
{{- define "cadence.kafkaTopics.jobName" -}}
{{- $spec := printf "%s\n%s\n%s" (include "cadence.kafkaTopics.env" .) .Values.kafka.image (.Files.Get "files/kafka-topics.sh") -}}
{{- printf "%s-kafka-topics-%s" (include "cadence.fullname" . | trunc 38 | trimSuffix "-") (sha256sum $spec | trunc 10) -}}
{{- end -}}

{{/* The script in Kafka's own image: (dict "root" $ "name" "wait-for-topics" "mode" "wait"). */}}
{{- define "cadence.kafkaTopics.container" -}}
- name: {{ .name }}
  image: {{ .root.Values.kafka.image }}
  imagePullPolicy: IfNotPresent
  command: ["sh", "/opt/cadence/kafka-topics.sh", {{ .mode | quote }}]
  env:
    {{- include "cadence.kafkaTopics.env" .root | nindent 4 }}
    - { name: TOPICS_JOB, value: {{ include "cadence.kafkaTopics.jobName" .root | quote }} }
  resources:
    {{- toYaml .root.Values.kafkaTopics.resources | nindent 4 }}
  securityContext:
    {{- /* The image's own user (appuser, 1000), as the in-cluster broker runs. */}}
    {{- toYaml (merge (dict "runAsUser" 1000 "runAsGroup" 1000) .root.Values.securityContext) | nindent 4 }}
  volumeMounts:
    - { name: kafka-topics-script, mountPath: /opt/cadence, readOnly: true }
    - { name: kafka-topics-tmp, mountPath: /tmp }
{{- end -}}

{{- define "cadence.kafkaTopics.volumes" -}}
- name: kafka-topics-script
  configMap: { name: {{ include "cadence.fullname" . }}-kafka-topics }
- name: kafka-topics-tmp
  emptyDir: { sizeLimit: 32Mi }
{{- end -}}

{{/* The egress rule to the broker (in-cluster Kafka or Redis, or networkPolicy.broker's CIDRs and ports). */}}
{{- define "cadence.brokerEgress" -}}
{{- $np := .Values.networkPolicy -}}
- to:
    {{- if .Values.kafka.enabled }}
    - podSelector:
        matchLabels:
          {{- include "cadence.selector" (dict "root" $ "component" "kafka") | nindent 10 }}
    {{- end }}
    {{- if .Values.redis.enabled }}
    - podSelector:
        matchLabels:
          {{- include "cadence.selector" (dict "root" $ "component" "redis") | nindent 10 }}
    {{- end }}
    {{- range $np.broker.cidrs }}
    - ipBlock: { cidr: {{ . }} }
    {{- end }}
    {{- if not (or .Values.kafka.enabled .Values.redis.enabled $np.broker.cidrs) }}
    - ipBlock: { cidr: 0.0.0.0/0 }
    {{- end }}
  ports:
    {{- range $np.broker.ports }}
    - { protocol: TCP, port: {{ . }} }
    {{- end }}
{{- end -}}
