{{/*
Which topics each service writes and reads: facts of the code, not settings, so they are here and
not in values.yaml. lintas-chart.spec.ts derives the same from libs/contracts and each app's
reactions and fails when they part.

- publishes: the topics of the contracts the service lists in MessagingModule.forService, created by
  the service at start with kafka.topics.partitions partitions (6 in libs/messaging).
- consumes: the topics of the contracts its @ReactsTo reactions name; its consumer group is
  lintas.<service>.

Every service also has lintas.<service>.dead-letters (1 partition), and each consumer makes
<topic>.redelivery.lintas.<service> (1 partition) for every topic it consumes (libs/messaging,
redelivery-topic.ts).
*/}}
{{- define "lintas.topology" -}}
intake:
  publishes: [lintas.intake.events, lintas.intake.access-records]
  consumes:
    - lintas.family-reunification.events
    - lintas.health-liaison.events
    - lintas.intake.events
    - lintas.rehabilitation.events
health-liaison:
  publishes: [lintas.health-liaison.events, lintas.health-liaison.access-records]
  consumes: [lintas.health-liaison.events, lintas.intake.events, lintas.rehabilitation.events]
rehabilitation:
  publishes: [lintas.rehabilitation.events, lintas.rehabilitation.access-records]
  consumes: [lintas.family-reunification.events, lintas.health-liaison.events, lintas.intake.events]
family-reunification:
  publishes: [lintas.family-reunification.events, lintas.family-reunification.access-records]
  consumes: [lintas.health-liaison.events, lintas.intake.events, lintas.rehabilitation.events]
audit:
  publishes: []
  consumes:
    - lintas.family-reunification.access-records
    - lintas.family-reunification.events
    - lintas.health-liaison.access-records
    - lintas.health-liaison.events
    - lintas.intake.access-records
    - lintas.intake.events
    - lintas.rehabilitation.access-records
    - lintas.rehabilitation.events
{{- end -}}

{{/*
Every topic the services use, as a list of {name, partitions, kind}: the published ones, each
service's dead letters, and each consumer's redelivery topics. Names are without TOPIC_PREFIX.
*/}}
{{- define "lintas.topics" -}}
{{- $root := . -}}
{{- $topology := fromYaml (include "lintas.topology" .) -}}
{{- $topics := list -}}
{{- range $service := keys $topology | sortAlpha -}}
{{- $flows := get $topology $service -}}
{{- range $flows.publishes -}}
{{- $topics = append $topics (dict "name" . "partitions" $root.Values.kafka.topics.partitions "kind" "events") -}}
{{- end -}}
{{- $topics = append $topics (dict "name" (printf "lintas.%s.dead-letters" $service) "partitions" 1 "kind" "dead-letters") -}}
{{- range $flows.consumes -}}
{{- $topics = append $topics (dict "name" (printf "%s.redelivery.lintas.%s" . $service) "partitions" 1 "kind" "redelivery") -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "topics" $topics) -}}
{{- end -}}
