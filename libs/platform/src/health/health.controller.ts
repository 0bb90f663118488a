import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Response } from 'express';
import { Public } from '../http/agency/agency.guard';
import {
  MODULE_READINESS_CHECK,
  READINESS_CHECKS,
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessReport,
} from './readiness-check';

const CHECK_TIMEOUT_MS = 2_000;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    @Inject(ModuleRef) private readonly modules: ModuleRef,
  ) {}

  /** The process is up and its event loop answers; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await runReadinessChecks([...this.checks, ...this.moduleChecks()], CHECK_TIMEOUT_MS);
    response.status(report.status === 'ready' ? 200 : 503);
    return report;
  }

  /** The checks other modules of the service provide; looked up when asked, once every module is built. */
  private moduleChecks(): ReadinessCheck[] {
    try {
      return this.modules.get<ReadinessCheck>(MODULE_READINESS_CHECK, { strict: false, each: true });
    } catch {
      // No module provides one: Nest has no "maybe" lookup, it throws for an unknown token.
      return [];
    }
  }
}
