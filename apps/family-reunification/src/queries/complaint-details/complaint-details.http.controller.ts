import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { COMPLAINT_ADDRESSEE_KINDS } from '../../application/complaint-parties';
import { domainActor } from '../../application/domain-actor';
import { ComplaintDetailsReadModel } from './complaint-details.read-model';
import { ComplaintResponse } from './complaint-details.response.dto';

@Controller('complaints')
export class ComplaintDetailsController {
  constructor(@Inject(ComplaintDetailsReadModel) private readonly complaints: ComplaintDetailsReadModel) {}

  /**
   * The complaint, its deadline, escalations and answer, with its version as the ETag: for the
   * agency that filed it, which tells the family, and the agencies it was routed to; any other
   * agency is told there is none (404).
   */
  @Get(':complaintId')
  @ApiOkResponse({ type: ComplaintResponse, description: 'The complaint and its version (also the ETag).' })
  @Allow(...COMPLAINT_ADDRESSEE_KINDS)
  show(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Actor() actor: AgencyActor,
  ): Promise<ComplaintResponse> {
    return this.complaints.seenBy(complaintId, domainActor(actor));
  }
}
