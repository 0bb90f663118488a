import { Controller, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { SERVICE_NAME } from '../../service/service-tokens';
import { STORE_VERIFIER, type StoreVerifier } from '../../service/store-verifier';
import { Allow, RequireScopes } from '../agency/agency.guard';
import { ADMIN_SCOPE } from '../agency/agency-token';
import { EdgeError } from '../problems/http-errors';
import { StoreVerificationResponse } from './store-verification.response.dto';

/** POST /admin/store-verifications — an admin has the service verify its own event store. */
@Controller('admin/store-verifications')
export class VerifyStoreController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Optional() @Inject(STORE_VERIFIER) private readonly verifier?: StoreVerifier,
  ) {}

  /**
   * Verifies this service's event store now: every stream's hash chain and head, every seal
   * against the events in global order and against its Ed25519 signature (by the keys of the
   * service's configuration, never of the database), and names every broken link. Answers 200
   * whether the store holds or not: `ok` says which. The store is only read.
   */
  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    type: StoreVerificationResponse,
    description: 'Verified: `ok`, what was checked, and every break found (stream, version, position, event, seal).',
  })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async verify(): Promise<StoreVerificationResponse> {
    if (!this.verifier) throw new EdgeError(404, 'store.none', `${this.service} keeps no event store`);
    const verifiedAt = new Date().toISOString();
    const report = await this.verifier.verify();
    return { service: this.service, schema: this.verifier.schema, verifiedAt, ...report };
  }
}
