import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { MatchProposed, TracingRequestEvent } from '../../domain/tracing-request/tracing-request.events';
import { candidateOf } from '../../domain/tracing-request/tracing-request.state';
import { tracingRequestStream } from '../../domain/tracing-request/tracing-request.stream';
import { MatchIndex } from '../../application/match-index';
import { TracingCandidateResponse } from './tracing-candidate.response.dto';

@Controller('tracing-requests')
export class TracingCandidateController {
  constructor(
    @Inject(StreamWriter) private readonly streams: StreamWriter,
    @Inject(MatchIndex) private readonly index: MatchIndex,
  ) {}

  /**
   * A candidate, for the social worker of the owning office who reviews it, wherever the person
   * was found (the request's purpose reaches across regions; the read is recorded). The agency the
   * family came to sees a candidate only once confirmed; to anyone else the candidate does not exist.
   */
  @Get(':tracingRequestId/candidates/:personId')
  @ApiOkResponse({ type: TracingCandidateResponse, description: 'The candidate, its score and its reasons.' })
  @Allow('dinas-sosial', 'polri')
  async show(
    @Param('tracingRequestId', new ParseUUIDPipe()) tracingRequestId: string,
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Actor() actor: AgencyActor,
  ): Promise<TracingCandidateResponse> {
    const { history, state } = await this.streams.load(tracingRequestStream, tracingRequestId);
    const candidate = state.status === 'none' ? undefined : candidateOf(state, personId);
    const mayRead =
      state.status !== 'none' &&
      (state.owningOfficeId === actor.agencyId ||
        (state.registeredBy === actor.agencyId && candidate?.status === 'confirmed'));
    if (!candidate || !mayRead) {
      throw new DomainError('tracing-request.unknown-candidate', 'no such candidate', 'not-found');
    }
    const proposal = (history as TracingRequestEvent[]).findLast(
      (event): event is MatchProposed => event.type === 'MatchProposed' && event.data.candidatePersonId === personId,
    );
    const entry = await this.index.get(personId);
    return {
      tracingRequestId,
      personId,
      status: candidate.status,
      probability: candidate.probability,
      reasons: proposal?.data.reasons ?? [],
      description:
        entry?.side === 'found'
          ? { ...entry.description, names: [...entry.description.names], marks: [...(entry.description.marks ?? [])] }
          : null,
    };
  }
}
