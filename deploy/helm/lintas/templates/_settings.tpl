{{/*
The non-secret settings of one service, by the variable names libs/platform/src/config/service-env.ts
reads: what the chart knows (addresses, ports, file paths), then values' settings, then the
service's own settings, each later one winning. Secrets are not here: they come from Secrets as env
entries (deployment.yaml).
*/}}
{{- define "lintas.serviceSettings" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
{{- $fullname := include "lintas.fullname" $root -}}
{{- $s := dict
  "NODE_ENV" "production"
  "HOST" "0.0.0.0"
  "PORT" (toString $svc.port)
  "KAFKA_BROKERS" (printf "%s-kafka-bootstrap:9092" (include "lintas.kafkaCluster" $root))
  "TOPIC_PREFIX" $root.Values.topicPrefix
  "IDENTITY_ISSUER" (include "lintas.issuer" $root)
  "SEAL_SIGNING_KEY_FILE" "/etc/lintas/keys/seal-signing-key.pem"
-}}
{{- if $svc.trustedPublicKeys -}}
{{- $_ := set $s "SEAL_TRUSTED_PUBLIC_KEYS_FILE" "/etc/lintas/keys/seal-trusted-public-keys.pem" -}}
{{- end -}}
{{- if $svc.publicUrl -}}
{{- $_ := set $s "PUBLIC_URL" $svc.publicUrl -}}
{{- end -}}
{{- if eq $name "audit" -}}
{{- $_ := set $s "LEDGER_SIGNING_KEY_FILE" "/etc/lintas/keys/ledger-signing-key.pem" -}}
{{- /* The stores POST /verifications has verify themselves: the four other services, in-cluster. */ -}}
{{- $urls := list -}}
{{- range $other := list "intake" "health-liaison" "rehabilitation" "family-reunification" -}}
{{- $urls = append $urls (printf "%s=http://%s-%s:%v" $other $fullname $other (get $root.Values.services $other).port) -}}
{{- end -}}
{{- $_ := set $s "VERIFY_SERVICE_URLS" (join "," $urls) -}}
{{- if $root.Values.identity.app.enabled -}}
{{- /* The register's changes, pulled with the audit client's token (off without AUDIT_CLIENT_ID). */ -}}
{{- $_ := set $s "REGISTER_CHANGES_URL" (printf "http://%s-identity:%v/admin/register-changes" $fullname $root.Values.identity.app.port) -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := $root.Values.settings -}}
{{- $_ := set $s $key (toString $value) -}}
{{- end -}}
{{- range $key, $value := $svc.settings -}}
{{- $_ := set $s $key (toString $value) -}}
{{- end -}}
{{- toYaml $s -}}
{{- end -}}

{{/* The identity app's settings (apps/identity/src/identity-env.ts). */}}
{{- define "lintas.identitySettings" -}}
{{- $app := .Values.identity.app -}}
{{- $s := dict
  "NODE_ENV" "production"
  "HOST" "0.0.0.0"
  "PORT" (toString $app.port)
  "IDENTITY_ISSUER" (include "lintas.issuer" .)
  "ACCESS_TOKEN_AUDIENCE" (.Values.settings.ACCESS_TOKEN_AUDIENCE | default "urn:lintas:api")
  "ACCESS_TOKEN_TTL_SECONDS" (toString $app.accessTokenTtlSeconds)
  "IDENTITY_REGISTER_SCHEMA" $app.registerSchema
  "IDENTITY_SIGNING_KEYS_FILE" "/etc/lintas/keys/signing-keys.json"
  "LOG_LEVEL" (.Values.settings.LOG_LEVEL | default "info")
-}}
{{- range $key, $value := $app.settings -}}
{{- $_ := set $s $key (toString $value) -}}
{{- end -}}
{{- toYaml $s -}}
{{- end -}}

{{/*
The console's settings (apps/console/src/console-env.ts): where people reach it, the issuer they
sign in at (its OAuth client), and each service's in-cluster address, which it calls with the
signed-in person's token. Its client secret and session secret come from its Secret, not from here.
*/}}
{{- define "lintas.consoleSettings" -}}
{{- $console := .Values.console -}}
{{- $fullname := include "lintas.fullname" . -}}
{{- $s := dict
  "NODE_ENV" "production"
  "HOST" "0.0.0.0"
  "PORT" (toString $console.port)
  "LOG_LEVEL" (.Values.settings.LOG_LEVEL | default "info")
  "CONSOLE_URL" (include "lintas.consoleUrl" .)
  "IDENTITY_ISSUER" (include "lintas.consoleIssuer" .)
  "CONSOLE_CLIENT_ID" $console.clientId
  "CONSOLE_SCOPES" $console.scopes
  "CONSOLE_SESSION_IDLE_MINUTES" (toString $console.sessionIdleMinutes)
  "ACCESS_TOKEN_AUDIENCE" (.Values.settings.ACCESS_TOKEN_AUDIENCE | default "urn:lintas:api")
-}}
{{- range $name, $svc := .Values.services -}}
{{- $_ := set $s (printf "LINTAS_%s_URL" (upper (replace "-" "_" $name))) (printf "http://%s-%s:%v" $fullname $name $svc.port) -}}
{{- end -}}
{{- range $key, $value := $console.settings -}}
{{- $_ := set $s $key (toString $value) -}}
{{- end -}}
{{- toYaml $s -}}
{{- end -}}
