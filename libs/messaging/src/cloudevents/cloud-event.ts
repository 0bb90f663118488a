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
  data: unknown;
}
