import { Command } from '@nestjs/cqrs';
import type { Received } from '@lintas/messaging/reactions/reaction';
import type { TracingTrigger } from '../../domain/reunification/reunification.vocabulary';

/** The person handed over to the family, as the sending service told it. */
export interface HandOver {
  caseId: string;
  personId: string;
  /** The owning office as the sending service knew it. */
  officeId: string;
  startedFrom: TracingTrigger;
  /** What is known of the family already: a confirmed tracing request names where to look. */
  leads?: readonly string[];
}

/**
 * Every hand-over to the family (assessment 'home' or 'community', discharge to the family, end
 * of rehabilitation) starts a reunification of its own.
 */
export class StartFamilyTracingCommand extends Command<void> {
  constructor(
    readonly handOver: HandOver,
    /** The other service's event that handed the person over: the cause, and what names the reunification. */
    readonly handedOverBy: Received<unknown>,
  ) {
    super();
  }
}
