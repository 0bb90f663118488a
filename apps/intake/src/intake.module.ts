import { Module } from '@nestjs/common';

/** Pickups by Satpol PP and Polri, hand-over to Dinas Sosial, intake, identification and assessment. */
@Module({})
export class IntakeModule {}
