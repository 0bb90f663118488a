import { Module } from '@nestjs/common';

/** Panti/balai placements, ATENSI plans and services, relapse and termination. */
@Module({})
export class RehabilitationModule {}
