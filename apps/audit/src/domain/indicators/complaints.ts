import type {
  ComplaintAnsweredV1,
  ComplaintEscalatedV1,
  ComplaintFiledV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import type { JourneyFacts, SpellFact } from './facts';
import { EVENT } from './indicator-events';
import { dayEnd, localDateOf } from './periods';

interface Complaint {
  region: string | undefined;
  /** The agency it is routed to now. */
  routedTo: string;
  /** The deadline in force (`YYYY-MM-DD`): the filing's, then each escalation's. */
  answerBy: string;
  settled: boolean;
  /** Overdue from the end of the deadline's day until answered, escalated or closed. */
  overdue: SpellFact | undefined;
}

/**
 * Families' complaints (pengaduan), read step by step in the order they happened (docs/indicators.md,
 * "Complaints"). A complaint counts, from its filing to its end, in one region: that of the agency
 * it was first routed to, the one responsible for what is complained of, else of the agency that
 * filed it, else the person's (`regionOf`, as for every other fact). An escalation goes up the
 * addressee's own chain, so the province's row holds the complaint either way, and the filing, the
 * answer and the overdue spells of one complaint stay in the same rows, whose share they make.
 */
export class ComplaintFacts {
  private readonly complaints = new Map<string, Complaint>();
  private readonly overdue: SpellFact[] = [];

  constructor(private readonly facts: JourneyFacts) {}

  /** `regionOf` places a fact by the offices given, else by what is known of the complaint's person. */
  read(
    type: string,
    data: Record<string, unknown>,
    at: number,
    regionOf: (...offices: string[]) => string | undefined,
  ): void {
    if (type === EVENT.complaintFiled) return this.filed(data as unknown as ComplaintFiledV1, at, regionOf);
    const { complaintId } = data as { complaintId?: string };
    // Without its filing the ledger knows neither deadline nor region: nothing to judge by.
    const complaint = complaintId === undefined ? undefined : this.complaints.get(complaintId);
    if (!complaint || complaint.settled) return;
    switch (type) {
      case EVENT.complaintAnswered: {
        const answered = data as unknown as ComplaintAnsweredV1;
        // On time: answered on or before the last day of the deadline in force, on the region's clock.
        const onTime = localDateOf(at, complaint.region) <= complaint.answerBy;
        this.facts.events.push({
          indicator: 'complaints-answered',
          breakdown: onTime ? 'on-time' : 'late',
          key: answered.complaintId,
          at,
          region: complaint.region,
        });
        return this.settle(complaint, at);
      }
      case EVENT.complaintEscalated: {
        const escalated = data as unknown as ComplaintEscalatedV1;
        // A redelivered escalation moves nothing.
        if (escalated.routedTo === complaint.routedTo && escalated.answerBy === complaint.answerBy) return;
        this.facts.events.push({
          indicator: 'complaints-escalated',
          breakdown: null,
          key: escalated.complaintId,
          at,
          region: complaint.region,
        });
        this.endOverdue(complaint, at);
        complaint.routedTo = escalated.routedTo;
        complaint.answerBy = escalated.answerBy;
        complaint.overdue = this.overdueFrom(escalated.complaintId, complaint);
        return;
      }
      case EVENT.complaintClosed:
        return this.settle(complaint, at);
      default:
        return;
    }
  }

  /** The overdue spells that were: one that ended before its deadline passed never was. */
  overdueSpells(): SpellFact[] {
    return this.overdue.filter((spell) => spell.end === null || spell.end > spell.start);
  }

  private filed(filed: ComplaintFiledV1, at: number, regionOf: (...offices: string[]) => string | undefined): void {
    if (this.complaints.has(filed.complaintId)) return;
    const complaint: Complaint = {
      region: regionOf(filed.routedTo, filed.filedBy),
      routedTo: filed.routedTo,
      answerBy: filed.answerBy,
      settled: false,
      overdue: undefined,
    };
    this.complaints.set(filed.complaintId, complaint);
    this.facts.events.push({
      indicator: 'complaints-filed',
      breakdown: filed.kind,
      key: filed.complaintId,
      at,
      region: complaint.region,
    });
    complaint.overdue = this.overdueFrom(filed.complaintId, complaint);
  }

  private settle(complaint: Complaint, at: number): void {
    complaint.settled = true;
    this.endOverdue(complaint, at);
  }

  private endOverdue(complaint: Complaint, at: number): void {
    if (complaint.overdue && complaint.overdue.end === null) complaint.overdue.end = at;
  }

  /**
   * The spell in which the complaint will be overdue unless something ends it first: from the end
   * of its deadline's day on the region's clock, waiting on the agency it is routed to.
   */
  private overdueFrom(complaintId: string, complaint: Complaint): SpellFact | undefined {
    const start = dayEnd(complaint.answerBy, complaint.region);
    if (start === undefined) return undefined;
    const spell: SpellFact = {
      indicator: 'complaints-overdue',
      breakdown: complaint.routedTo,
      key: complaintId,
      start,
      end: null,
      region: complaint.region,
    };
    this.overdue.push(spell);
    return spell;
  }
}
