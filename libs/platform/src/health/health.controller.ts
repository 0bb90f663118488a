import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../http/agency/agency.guard';
import { READINESS_CHECKS, runReadinessChecks, type ReadinessCheck, type ReadinessReport } from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** The process is up and its event loop answers; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await runReadinessChecks(this.checks, CHECK_TIMEOUT_MS);
    response.status(report.status === 'ready' ? 200 : 503);
    return report;
  }
}
