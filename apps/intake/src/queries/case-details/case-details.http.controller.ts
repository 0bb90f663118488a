import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { parseAsOf } from '@lintas/event-store/as-of';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { EmergencyGrants, type EmergencyRequest } from '@lintas/person-journey/emergency/emergency-grants';
import { Actor, Allow, EmergencyReadable } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { CaseDetailsReadModel } from './case-details.read-model';
import { CaseDetailsResponse } from './case-details.response.dto';

@Controller('cases')
export class CaseDetailsController {
  constructor(
    @Inject(CaseDetailsReadModel) private readonly details: CaseDetailsReadModel,
    @Inject(EmergencyGrants) private readonly grants: EmergencyGrants,
  ) {}

  /**
   * The whole case, read from its stream (so always current; its version is the ETag to send back
   * as If-Match). The owning office sees it, and the office asked to take it over, and an agency
   * holding an emergency access to the person; to anyone else it does not exist.
   */
  @Get(':caseId')
  @ApiOkResponse({ type: CaseDetailsResponse, description: 'The case and its version (also the ETag).' })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description:
      'The case as it stood then: a time (what had been recorded by then) or a position this service answered with.',
    schema: { type: 'string', example: '2026-12-01T08:00:00+07:00' },
  })
  @ApiQuery({
    name: 'mask',
    required: false,
    description:
      '`nik`: the NIK is left out (null) and only its last four digits shown, so that the read does not ' +
      'record it; without it the NIK is in the answer and its read is recorded (a reveal).',
    schema: { type: 'string', enum: ['nik'] },
  })
  @Allow('dinas-sosial')
  @EmergencyReadable()
  async show(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Actor() actor: AgencyActor,
    @Req() request: EmergencyRequest,
    @Query('asOf') asOfText?: string,
    @Query('mask') mask?: string,
  ): Promise<CaseDetailsResponse> {
    if (mask !== undefined && mask !== 'nik') throw new EdgeError(400, 'mask.invalid', 'mask can only be nik');
    const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
    if (asOfText !== undefined && !asOf) {
      throw new EdgeError(
        400,
        'as-of.invalid',
        'asOf must be a date-time (2026-12-01T08:00:00+07:00) or a position (123.0)',
      );
    }
    const details = await this.details.caseFor(
      caseId,
      actor,
      (persons, visible) => this.grants.admit(request, persons, visible),
      asOf,
    );
    if (!details) throw new DomainError('case.not-found', 'no such case', 'not-found');
    if (!details.identity) return { ...details, identity: null };
    const nik = details.identity.nik;
    const nikLast4 = typeof nik === 'string' && nik.length >= 4 ? nik.slice(-4) : null;
    return { ...details, identity: { ...details.identity, nikLast4, ...(mask === 'nik' && { nik: null }) } };
  }
}
