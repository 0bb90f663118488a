import { Inject } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EmergencyAccessGrantedV1 } from '@lintas/contracts/intake/intake.contracts';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { EmergencyGrants } from './emergency-grants';

/** An agency took emergency access to a person: this service lets it read their records until it ends. */
@ReactsTo(EmergencyAccessGrantedV1)
export class OnEmergencyAccessGranted implements Reaction<EmergencyAccessGrantedV1> {
  constructor(@Inject(EmergencyGrants) private readonly grants: EmergencyGrants) {}

  async handle(event: Received<EmergencyAccessGrantedV1>, transaction: PoolClient): Promise<void> {
    const { accessId, personId, agencyId, expiresAt } = event.data;
    await this.grants.record(transaction, { accessId, personId, agencyId, expiresAt });
  }
}
