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
