import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { TracingRequestEvent } from '../../domain/tracing-request/tracing-request.events';
import { tracingRequestStream } from '../../domain/tracing-request/tracing-request.stream';
import { TracingRequestDetailsResponse } from './tracing-request-details.response.dto';

@Controller('tracing-requests')
export class TracingRequestDetailsController {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  /** The request, to its parties: the owning office and the agency the family came to. */
  @Get(':tracingRequestId')
  @ApiOkResponse({ type: TracingRequestDetailsResponse, description: 'The request, its status and candidates.' })
  @Allow('dinas-sosial', 'polri')
  async show(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Actor() actor: AgencyActor,
  ): Promise<TracingRequestDetailsResponse> {
    const { history, state, version } = await this.streams.load(tracingRequestStream, tracingRequestId);
    const owner = state.status !== 'none' && state.owningOfficeId === actor.agencyId;
    if (state.status === 'none' || (!owner && state.registeredBy !== actor.agencyId)) {
      throw new DomainError('tracing-request.not-found', 'no such tracing request', 'not-found');
    }
    let current: Omit<TracingRequestDetailsResponse, 'status' | 'candidates' | 'foundPersonId' | 'version'> | undefined;
    for (const event of history as TracingRequestEvent[]) {
      if (event.type === 'TracingRequestRegistered') {
        const d = event.data;
        current = {
          tracingRequestId: d.tracingRequestId,
          personId: d.personId,
          officeId: d.officeId,
          registeredBy: d.registeredBy,
          channel: d.channel,
          requester: d.requester,
          sought: d.sought,
          lastSeen: { ...d.lastSeen, place: d.lastSeen.place ?? null },
          registeredAt: d.at,
        };
      } else if (event.type === 'TracingRequestUpdated' && current) {
        const d = event.data;
        current = {
          ...current,
          ...(d.requester && { requester: d.requester }),
          ...(d.sought && { sought: d.sought }),
          ...(d.lastSeen && { lastSeen: { ...d.lastSeen, place: d.lastSeen.place ?? null } }),
        };
      }
    }
    if (!current) throw new DomainError('tracing-request.not-found', 'no such tracing request', 'not-found');
    return {
      ...current,
      status: state.status,
      // A family hears of a person found only once a social worker confirmed them.
      candidates: state.candidates
        .filter((candidate) => owner || candidate.status === 'confirmed')
        .map(({ personId, status, probability }) => ({ personId, status, probability })),
      foundPersonId: state.foundPersonId,
      version,
    };
  }
}
