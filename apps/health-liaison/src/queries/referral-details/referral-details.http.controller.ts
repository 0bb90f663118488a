import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { EventStore } from '@lintas/event-store/event-store';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { referralStreamId } from '../../domain/referral/referral.decider';
import type { ReferralEvent } from '../../domain/referral/referral.events';
import { referralView, seenBy, type Reader, type ReferralView } from './referral-view';

@Controller('referrals')
export class ReferralDetailsController {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  /**
   * The whole referral, read from its stream (so always current; its version is the ETag to send
   * back as If-Match). Only the addressed RSJ and the owning office see it; to anyone else it does
   * not exist.
   */
  @Get(':referralId')
  @Allow('rsj', 'dinas-sosial')
  async show(
    @Param('referralId', new ParseUUIDPipe()) referralId: string,
    @Actor() actor: AgencyActor,
  ): Promise<ReferralView & { version: number }> {
    const recorded = await this.store.readStream(referralStreamId(referralId));
    const events = recorded.map((e) => ({ type: e.type, data: e.data }) as ReferralEvent);
    const view = referralView(events);
    const reader = view && readerOf(view, actor);
    if (!view || !reader) throw new DomainError('referral.not-found', 'no such referral', 'not-found');
    return { ...seenBy(view, reader), version: recorded.at(-1)?.streamVersion ?? 0 };
  }
}

function readerOf(referral: ReferralView, actor: AgencyActor): Reader | undefined {
  if (actor.kind === 'rsj' && actor.agencyId === referral.rsjId) return 'rsj';
  if (actor.kind === 'dinas-sosial' && actor.agencyId === referral.officeId) return 'office';
  return undefined;
}
