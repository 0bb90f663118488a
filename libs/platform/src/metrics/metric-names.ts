/**
 * Every series Lintas exposes at /metrics, named once: the libs that measure them, the Grafana
 * dashboard and the alert rules in deploy/observability (whose test reads this list) all use these
 * names. Base units (seconds, bytes); counters end in `_total`. Labels hold only codes of bounded
 * number (route templates, event types, reasons, projection names), never an id of a person, a
 * stream or an event: /metrics is public. See docs/architecture.md, "Metrics".
 */
export const METRIC_NAMES = {
  httpRequestDuration: 'lintas_http_request_duration_seconds',
  appends: 'lintas_event_store_appends_total',
  appendDuration: 'lintas_event_store_append_duration_seconds',
  groupCommitBatchSize: 'lintas_event_store_group_commit_batch_size',
  visibilityDelay: 'lintas_event_store_visibility_delay_seconds',
  projectionLagEvents: 'lintas_projection_lag_events',
  projectionLagSeconds: 'lintas_projection_lag_seconds',
  outboxMessages: 'lintas_outbox_messages',
  outboxOldestMessageAge: 'lintas_outbox_oldest_message_age_seconds',
  relaySendDuration: 'lintas_outbox_relay_send_duration_seconds',
  consumerLag: 'lintas_consumer_lag_messages',
  consumerHandlerDuration: 'lintas_consumer_handler_duration_seconds',
  consumerEvents: 'lintas_consumer_events_total',
  inboxDuplicatesSkipped: 'lintas_inbox_duplicates_skipped_total',
  deadLetters: 'lintas_dead_letters_total',
  /**
   * Counted by the audit service when a verification of a store finds a broken chain (issue 16).
   * Named here already so that its alert rule exists; until the audit service counts, nothing
   * exposes it and the rule stays silent.
   */
  auditVerificationFailures: 'lintas_audit_verification_failures_total',
} as const;

/**
 * Latencies from a millisecond (an append in a group commit) to ten seconds (a request that waited
 * for a read model, a reaction retried): one scale for every duration, so panels compare.
 */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Appends per group commit: powers of two up to the committer's largest batch (256). */
export const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
