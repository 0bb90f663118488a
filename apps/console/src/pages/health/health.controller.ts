import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OidcClient } from '../../auth/oidc-client';

/** The same probes as the services': the process answers, and its identity provider does too. */
@Controller('health')
export class HealthController {
  constructor(@Inject(OidcClient) private readonly oidc: OidcClient) {}

  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  /** Ready when the issuer's discovery answers: without it nobody can sign in. */
  @Get('ready')
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; checks: { identity: string } }> {
    const identity = await this.oidc.reachable();
    response.status(identity ? 200 : 503);
    return { status: identity ? 'ready' : 'not-ready', checks: { identity: identity ? 'up' : 'down' } };
  }
}
