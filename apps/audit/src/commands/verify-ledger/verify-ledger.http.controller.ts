import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { StreamWriter } from '@lintas/commands/stream-writer';
import { byRequest } from '@lintas/commands/write-cause';
import { EventStore } from '@lintas/event-store/event-store';
import { Actor, Allow, RequireScopes } from '@lintas/platform/http/agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { LedgerCheckpoints } from '../../checkpoints/ledger-checkpoints';
import { verifyLedger } from '../../checkpoints/verify-ledger';
import { verificationStream } from '../../domain/verification/verification.stream';
import { VerifyLedgerRequest } from './verify-ledger.request.dto';
import { LedgerVerificationResponse } from './verify-ledger.response.dto';

/** How many breaks the recorded outcome keeps; the answer names them all. */
const RECORDED_BREAKS = 100;

/**
 * POST /ledger/verifications — rebuilds the ledger's tree from its entries and checks it against
 * every signed checkpoint; the outcome is recorded in the audit store, whoever asked and why.
 */
@Controller('ledger')
export class VerifyLedgerController {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(LedgerCheckpoints) private readonly checkpoints: LedgerCheckpoints,
    @Inject(StreamWriter) private readonly streams: StreamWriter,
  ) {}

  @Post('verifications')
  @HttpCode(200)
  @ApiOkResponse({ type: LedgerVerificationResponse, description: 'The outcome, ok or not: the body says.' })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async verify(@Body() body: VerifyLedgerRequest, @Actor() actor: AgencyActor): Promise<LedgerVerificationResponse> {
    const outcome = await verifyLedger(this.pool, this.store, this.checkpoints.publicKey);
    const verificationId = randomUUID();
    await this.streams.handle(
      verificationStream,
      'ledger',
      {
        type: 'RecordVerification',
        outcome: {
          verificationId,
          subject: 'ledger',
          ok: outcome.ok,
          checked: outcome.entriesChecked,
          breaks: outcome.breaks.slice(0, RECORDED_BREAKS),
          breakCount: outcome.breaks.length,
          trigger: 'request',
          reason: body.reason ?? null,
        },
      },
      byRequest(actor),
    );
    return { verificationId, ...outcome };
  }
}
