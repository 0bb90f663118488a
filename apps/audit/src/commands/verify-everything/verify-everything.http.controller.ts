import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Actor, Allow, RequireScopes } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { AuditVerifier } from '../../application/audit-verifier';
import { VerifyEverythingRequest } from './verify-everything.request.dto';
import { VerificationRunResponse } from './verify-everything.response.dto';

/**
 * POST /verifications — every service's store (asked with the admin's own token), the audit
 * store and the ledger's tree against its signed checkpoints; each outcome is recorded in the
 * audit store with who asked and why. 200 whether all hold or not: `ok` says which.
 */
@Controller('verifications')
export class VerifyEverythingController {
  constructor(@Inject(AuditVerifier) private readonly verifier: AuditVerifier) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    type: VerificationRunResponse,
    description: 'Each subject verified: ok, what was checked, every break.',
  })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  verify(
    @Body() body: VerifyEverythingRequest,
    @Actor() actor: AgencyActor,
    @Headers('authorization') authorization: string,
  ): Promise<VerificationRunResponse> {
    return this.verifier.requested(actor, authorization, body.reason ?? null);
  }
}
