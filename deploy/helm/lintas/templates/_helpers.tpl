{{/*
Names and labels. The release name is the prefix of everything, so that two releases can share a
namespace without meeting (their topics then need a TOPIC_PREFIX too, see values.yaml).
*/}}
{{- define "lintas.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "lintas.labels" -}}
app.kubernetes.io/name: lintas
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: lintas
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The pods of one component: what its Service, PDB and spread constraints select. */}}
{{- define "lintas.selector" -}}
app.kubernetes.io/name: lintas
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The one image; a component may run another tag of it (imageTag) while a release rolls out. */}}
{{- define "lintas.image" -}}
{{- $root := .root -}}
{{- printf "%s:%s" $root.Values.image.repository (.settings.imageTag | default $root.Values.image.tag | default $root.Chart.AppVersion) -}}
{{- end -}}

{{/*
A component's update strategy: its own where values give one (a release that must not run old and new
code side by side uses Recreate), else the chart's. rollingUpdate only goes with RollingUpdate: the
API server refuses it beside Recreate.
*/}}
{{- define "lintas.strategy" -}}
{{- $strategy := .settings.strategy | default .root.Values.strategy -}}
type: {{ $strategy.type | default "RollingUpdate" }}
{{- if and (eq ($strategy.type | default "RollingUpdate") "RollingUpdate") $strategy.rollingUpdate }}
rollingUpdate:
  {{- toYaml $strategy.rollingUpdate | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Resources Helm leaves in place when the release is uninstalled or stops rendering them: data. */}}
{{- define "lintas.keep" -}}
helm.sh/resource-policy: keep
{{- end -}}

{{- define "lintas.kafkaCluster" -}}
{{- .Values.kafka.clusterName | default (include "lintas.fullname" .) -}}
{{- end -}}

{{- define "lintas.postgresCluster" -}}
{{- .Values.postgres.clusterName | default (printf "%s-pg" (include "lintas.fullname" .)) -}}
{{- end -}}

{{/* A service's PostgreSQL schema is its name with underscores (serviceSchema in libs/platform); its
database and role here are named after it. */}}
{{- define "lintas.databaseName" -}}
{{- printf "lintas_%s" (replace "-" "_" .) -}}
{{- end -}}

{{/* The Secret with a component's keys, and the one with its database role's credentials. */}}
{{- define "lintas.keysSecret" -}}
{{- .settings.secret.name | default (printf "%s-%s" (include "lintas.fullname" .root) .component) -}}
{{- end -}}

{{- define "lintas.databaseSecret" -}}
{{- .settings.databaseSecret.name | default (printf "%s-%s-db" (include "lintas.fullname" .root) .component) -}}
{{- end -}}

{{/*
The issuer whose tokens the services accept. Production names the public https URL agencies reach
(values identity.issuer); without it, and with the identity app in this release, the app's
in-cluster address, which only clients inside the cluster can use.
*/}}
{{- define "lintas.issuer" -}}
{{- if .Values.identity.issuer -}}
{{- .Values.identity.issuer -}}
{{- else if .Values.identity.app.enabled -}}
{{- printf "http://%s-identity:%v" (include "lintas.fullname" .) .Values.identity.app.port -}}
{{- else -}}
{{- fail "identity.issuer: name the OpenID issuer the services trust (the identity app is disabled)" -}}
{{- end -}}
{{- end -}}

{{/*
The DATABASE_URL of a component, built by Kubernetes from the role's Secret ($(VAR) refers to the
env entries before it, which come from that Secret), so the password is never in values or a
ConfigMap. The password goes into the URL as it is: make it URL-safe (openssl rand -hex 32).
sslmode=verify-full checks the server's certificate against the cluster's own CA, mounted from the
Secret CloudNativePG keeps it in.
*/}}
{{- define "lintas.databaseUrl" -}}
{{- $root := .root -}}
{{- $host := printf "%s-rw" (include "lintas.postgresCluster" $root) -}}
{{- $query := "" -}}
{{- if eq $root.Values.postgres.sslMode "verify-full" -}}
{{- $query = "?sslmode=verify-full&sslrootcert=/etc/lintas/postgres-ca/ca.crt" -}}
{{- else if $root.Values.postgres.sslMode -}}
{{- $query = printf "?sslmode=%s" $root.Values.postgres.sslMode -}}
{{- end -}}
{{- printf "postgres://$(DATABASE_USER):$(DATABASE_PASSWORD)@%s:5432/%s%s" $host (include "lintas.databaseName" .component) $query -}}
{{- end -}}

{{/*
The console's public address (console.url), which its redirect URI is built on: required, https
(its session cookie is Secure; the console refuses anything else in production), no trailing slash.
*/}}
{{- define "lintas.consoleUrl" -}}
{{- $url := .Values.console.url | trimSuffix "/" -}}
{{- if not $url -}}
{{- fail "console.url: name the https URL people reach the console at, e.g. https://konsol.lintas.example (or set console.enabled=false)" -}}
{{- end -}}
{{- if not (hasPrefix "https://" $url) -}}
{{- fail (printf "console.url: must be https (the console's session cookie is Secure), not %s" $url) -}}
{{- end -}}
{{- $url -}}
{{- end -}}

{{/*
The issuer the console signs people in at: the services' issuer, which people's browsers must reach,
so it has to be named (identity.issuer). The in-cluster default address answers pods only.
*/}}
{{- define "lintas.consoleIssuer" -}}
{{- if not .Values.identity.issuer -}}
{{- fail "identity.issuer: the console sends people's browsers to the issuer, so name its public URL (the in-cluster default answers only inside the cluster), or set console.enabled=false" -}}
{{- end -}}
{{- include "lintas.issuer" . -}}
{{- end -}}

{{/* The TCP port of the issuer's URL: the one given, else 443 for https and 80 for http. */}}
{{- define "lintas.issuerPort" -}}
{{- $url := urlParse (include "lintas.issuer" .) -}}
{{- $port := regexFind "[0-9]+$" (regexFind ":[0-9]+$" $url.host) -}}
{{- if $port -}}
{{- $port -}}
{{- else if eq $url.scheme "https" -}}
443
{{- else -}}
80
{{- end -}}
{{- end -}}
