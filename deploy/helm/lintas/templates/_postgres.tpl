{{/* Where base backups and WAL go, and with which keys: shared by backup and restore. */}}
{{- define "lintas.barmanObjectStore" -}}
{{- $backup := .Values.postgres.backup -}}
destinationPath: {{ required "postgres.backup.destinationPath: the object store for base backups and WAL" $backup.destinationPath | quote }}
{{- with $backup.endpointURL }}
endpointURL: {{ . | quote }}
{{- end }}
s3Credentials:
  accessKeyId:
    name: {{ required "postgres.backup.s3Credentials.secretName: the Secret with the object store's keys" $backup.s3Credentials.secretName }}
    key: {{ $backup.s3Credentials.accessKeyIdKey }}
  secretAccessKey:
    name: {{ $backup.s3Credentials.secretName }}
    key: {{ $backup.s3Credentials.secretAccessKeyKey }}
{{- end -}}
