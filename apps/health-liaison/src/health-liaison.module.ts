import { Module } from '@nestjs/common';

/** RSJ referrals, admission, discharge, absconding and death. */
@Module({})
export class HealthLiaisonModule {}
