import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { applySchema } from '@lintas/platform/database/apply-schema';
import { AccessRecordsController } from './access-records.controller';
import { EmergencyGrants } from './emergency/emergency-grants';
import { PersonJourneyController } from './person-journey.controller';
import { PersonLinks } from './person-links';

/**
 * Every service answers "what happened to this person here" (its journey read model and the links
 * between records of one person) and "who looked at their data here" (its access records). The service lists PersonJourneyProjection among its
 * projections and OnPersonsLinked among its reactions.
 */
@Module({
  controllers: [PersonJourneyController, AccessRecordsController],
  providers: [EmergencyGrants],
  exports: [EmergencyGrants],
})
export class PersonJourneyModule implements OnModuleInit {
  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const schema = this.store.schema;
    await applySchema(this.pool, `lintas-person-journey:${schema}`, [
      ...PersonLinks.ddl(schema),
      ...EmergencyGrants.ddl(schema),
    ]);
  }
}
