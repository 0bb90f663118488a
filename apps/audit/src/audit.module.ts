import { Module } from '@nestjs/common';
import { CommandsModule } from '@lintas/commands/commands.module';
import { FAMILY_REUNIFICATION_CONTRACTS } from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { HEALTH_LIAISON_CONTRACTS } from '@lintas/contracts/health-liaison/health-liaison.contracts';
import { INTAKE_CONTRACTS } from '@lintas/contracts/intake/intake.contracts';
import { REHABILITATION_CONTRACTS } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { loadSealKeys } from '@lintas/event-store/sealing/seal-keys';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { Pool } from 'pg';
import { CheckpointSchedule } from './checkpoints/checkpoint-schedule';
import { appendToFile, LedgerCheckpoints } from './checkpoints/ledger-checkpoints';
import { RecordInLedgerHandler } from './commands/record-in-ledger/record-in-ledger.handler';
import { VerifyEverythingController } from './commands/verify-everything/verify-everything.http.controller';
import { AuditVerifier } from './application/audit-verifier';
import { OwnAccessToken } from './application/own-access-token';
import { RegisterFeed } from './application/register-feed';
import { VerificationSchedule } from './application/verification-schedule';
import { LEDGER_EVENT_DEFINITIONS } from './domain/ledger/ledger.event-definitions';
import { EvidenceBundleController } from './queries/evidence-bundle/evidence-bundle.http.controller';
import { IndicatorsController } from './queries/indicators/indicators.http.controller';
import { LedgerCheckpointsController } from './queries/ledger-checkpoints/ledger-checkpoints.http.controller';
import { PersonTrailController } from './queries/person-trail/person-trail.http.controller';
import { ledgerReactions } from './reactions/on-any-integration-event/on-any-integration-event.reaction';
import { LedgerEntriesProjection } from './read-models/ledger-entries/ledger-entries.projection';
import { LedgerTreeProjection } from './read-models/ledger-tree/ledger-tree.projection';

const SCHEMA = 'audit';

/** Every integration event of every service, and every service's access records: the ledger keeps them all. */
const EVERY_CONTRACT = [
  ...INTAKE_CONTRACTS,
  ...HEALTH_LIAISON_CONTRACTS,
  ...REHABILITATION_CONTRACTS,
  ...FAMILY_REUNIFICATION_CONTRACTS,
];

/** The cross-agency ledger: every hand-over between agencies, in causal order, verifiable by outsiders. */
@Module({
  imports: [
    CommandsModule,
    EventStoreModule.forService({
      schema: SCHEMA,
      definitions: LEDGER_EVENT_DEFINITIONS,
      projections: (schema) => [new LedgerEntriesProjection(schema), new LedgerTreeProjection(schema)],
    }),
    MessagingModule.forService({ publishes: [], knows: EVERY_CONTRACT }),
  ],
  controllers: [
    PersonTrailController,
    EvidenceBundleController,
    LedgerCheckpointsController,
    VerifyEverythingController,
    IndicatorsController,
  ],
  providers: [
    RecordInLedgerHandler,
    ...ledgerReactions(EVERY_CONTRACT),
    {
      provide: LedgerCheckpoints,
      inject: [Pool, ServiceEnv],
      useFactory: async (pool: Pool, env: ServiceEnv) => {
        if (env.NODE_ENV === 'production' && !env.LEDGER_SIGNING_KEY_FILE) {
          throw new Error('LEDGER_SIGNING_KEY_FILE: must be set when NODE_ENV=production (the ledger signs with it)');
        }
        // Kept and made as a store's seal key is: a file, never the database; in development one is made.
        const { signer } = await loadSealKeys({
          service: 'audit-ledger',
          signingKeyFile: env.LEDGER_SIGNING_KEY_FILE,
          createIfMissing: env.NODE_ENV !== 'production',
        });
        const key = { privateKey: signer.privateKey, publicKey: signer.publicKey };
        const file = env.LEDGER_CHECKPOINT_FILE;
        return new LedgerCheckpoints(pool, SCHEMA, key, file ? appendToFile(file) : async () => undefined);
      },
    },
    CheckpointSchedule,
    AuditVerifier,
    OwnAccessToken,
    RegisterFeed,
    VerificationSchedule,
  ],
})
export class AuditModule {}
