/** A CloudEvents 1.0 event as Lintas publishes it: JSON data, one person per subject. */
export interface CloudEvent {
  specversion: '1.0';
  /** Unique per source: the domain event's id. */
  id: string;
  /** The publishing service, as a URI reference, e.g. `/lintas/health-liaison`. */
  source: string;
  /** Reverse-DNS contract name with its version, e.g. `id.lintas.health-liaison.rsj-referral.accepted.v1`. */
  type: string;
  /** When it happened, RFC 3339. */
  time: string;
  /** The person the event is about (a UUID), never a name. */
  subject?: string;
  datacontenttype: 'application/json';
  /** Extension attributes Lintas carries: correlation and causation of the journey. */
  correlationid?: string;
  causationid?: string;
  /**
   * Who acted, for the cross-agency ledger: the agency (an id of the register, never a person) and
   * its calling system. Absent on events written before these attributes existed.
   */
  actoragencyid?: string;
  actorclientid?: string;
  /**
   * The distributed-tracing extension: the W3C trace context in which the event was stored, so
   * that what it causes in the next service continues that trace (docs/architecture.md, "Traces").
   */
  traceparent?: string;
  tracestate?: string;
  /**
   * Set on a copy an admin had the publisher send again (POST /admin/redeliveries): that
   * redelivery's id. The event itself, its id included, is the one first sent.
   */
  redeliveryid?: string;
  data: unknown;
}
