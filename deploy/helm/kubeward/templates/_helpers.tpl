{{/* Object name prefix. */}}
{{- define "kubeward.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "kubeward.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kubeward.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kubeward.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kubeward.labels" -}}
{{ include "kubeward.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "kubeward.secretName" -}}
{{- default (include "kubeward.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{- define "kubeward.postgresql.fullname" -}}
{{- printf "%s-postgresql" (include "kubeward.fullname" .) -}}
{{- end -}}

{{/* The JDBC URL: database.url, else the bundled PostgreSQL's, else empty (H2). */}}
{{- define "kubeward.databaseUrl" -}}
{{- if .Values.database.url -}}
{{- .Values.database.url -}}
{{- else if .Values.postgresql.enabled -}}
{{- printf "jdbc:postgresql://%s.%s.svc:5432/%s" (include "kubeward.postgresql.fullname" .) .Release.Namespace .Values.postgresql.database -}}
{{- end -}}
{{- end -}}

{{/*
Refuses to render what would not run safely, with a sentence saying what to set. Called from the
Deployment, so `helm template`, `helm install` and `helm upgrade` all stop before anything is sent.
*/}}
{{- define "kubeward.validate" -}}
{{- $v := .Values -}}
{{- if $v.existingSecret -}}
  {{- if or $v.encryptionKey $v.adminPassword -}}
    {{- fail "kubeward: existingSecret is set, so leave encryptionKey and adminPassword empty (they would be ignored)." -}}
  {{- end -}}
{{- else -}}
  {{- if not $v.encryptionKey -}}
    {{- fail "kubeward: set encryptionKey (base64 of 32 random bytes: openssl rand -base64 32) or existingSecret. It encrypts the credentials of added clusters; keep a copy with your database backups. There is no default key." -}}
  {{- end -}}
  {{- if ne (len (b64dec $v.encryptionKey)) 32 -}}
    {{- fail "kubeward: encryptionKey must be base64 of exactly 32 bytes (openssl rand -base64 32)." -}}
  {{- end -}}
  {{- if not $v.adminPassword -}}
    {{- fail "kubeward: set adminPassword (at least 12 characters; the first password of user admin) or existingSecret. There is no default password." -}}
  {{- end -}}
  {{- if lt (len $v.adminPassword) 12 -}}
    {{- fail "kubeward: adminPassword must have at least 12 characters." -}}
  {{- end -}}
{{- end -}}
{{- if and (gt (int $v.replicaCount) 1) (not $v.database.url) (not $v.postgresql.enabled) -}}
  {{- fail (printf "kubeward: replicaCount is %d but no PostgreSQL is configured. The embedded H2 database serves one replica only: set database.url, database.username and database.existingSecret (or postgresql.enabled=true), or replicaCount=1." (int $v.replicaCount)) -}}
{{- end -}}
{{- if and $v.database.url (not $v.database.existingSecret) -}}
  {{- fail "kubeward: database.url is set: set database.existingSecret, a Secret holding the database password (key database.passwordKey)." -}}
{{- end -}}
{{- if and $v.database.url (not $v.database.username) -}}
  {{- fail "kubeward: database.url is set: set database.username too." -}}
{{- end -}}
{{- if and $v.postgresql.enabled (not $v.database.url) (not $v.postgresql.existingSecret) -}}
  {{- fail "kubeward: postgresql.enabled needs postgresql.existingSecret, a Secret with the database password (key postgresql.passwordKey). There is no default password." -}}
{{- end -}}
{{- if and $v.persistence.enabled (gt (int $v.replicaCount) 1) -}}
  {{- fail "kubeward: persistence.enabled (a ReadWriteOnce volume for the H2 database) serves one replica only: use PostgreSQL with more replicas." -}}
{{- end -}}
{{- if $v.sso.enabled -}}
  {{- if or (not $v.sso.issuerUri) (not $v.sso.clientId) -}}
    {{- fail "kubeward: sso.enabled needs sso.issuerUri and sso.clientId." -}}
  {{- end -}}
{{- end -}}
{{- if and $v.metrics.enabled (not $v.metrics.existingSecret) -}}
  {{- fail "kubeward: metrics.enabled exposes /metrics beyond the pod: set metrics.existingSecret, a Secret with a bearer token of at least 32 characters (key metrics.tokenKey)." -}}
{{- end -}}
{{- end -}}
