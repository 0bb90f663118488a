import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { AGENCY_DIRECTORY, ConventionAgencyDirectory } from '../reference-data/agency-directory';
import { loadRegionDirectory } from '../reference-data/region-directory';
import { CaseNumbers } from './case-numbers';
import { IntakeWriter, REGION_DIRECTORY } from './intake-writer';
import { Whereabouts } from './whereabouts';

/**
 * The write side shared by the command slices and the reactions, and the reference data they
 * need. Global because the reactions are instantiated inside MessagingModule, which sees only
 * global providers. Creates the tables that are written outside the projections: the case
 * number sequences, and the whereabouts that reactions add to.
 */
@Global()
@Module({
  providers: [
    IntakeWriter,
    { provide: REGION_DIRECTORY, useFactory: () => loadRegionDirectory() },
    { provide: AGENCY_DIRECTORY, useClass: ConventionAgencyDirectory },
  ],
  exports: [IntakeWriter, REGION_DIRECTORY, AGENCY_DIRECTORY],
})
export class IntakeWritesModule implements OnModuleInit {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = this.store.schema;
    await applySchema(this.pool, `lintas-intake-tables:${schema}`, [
      ...CaseNumbers.ddl(schema),
      ...Whereabouts.ddl(schema),
    ]);
  }
}
