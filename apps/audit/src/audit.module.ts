import { Module } from '@nestjs/common';

/** The cross-agency ledger: who did and read what, verifiable and replayable. */
@Module({})
export class AuditModule {}
