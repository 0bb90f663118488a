import { Module } from '@nestjs/common';

/** Family tracing, return to the family or region of origin, long-term placement, follow-up and closure. */
@Module({})
export class FamilyReunificationModule {}
