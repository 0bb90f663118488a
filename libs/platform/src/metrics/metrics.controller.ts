import { Controller, Get, Header, Inject } from '@nestjs/common';
import { prometheusContentType } from 'prom-client';
import { Public } from '../http/agency/agency.guard';
import { ServiceMetrics } from './service-metrics';

/**
 * Prometheus scrapes this. Public like the probes, since Prometheus carries no agency token: the
 * series hold no personal data, and the endpoint belongs on the monitoring network only
 * (docs/architecture.md, "Metrics").
 */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ServiceMetrics) private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('Content-Type', prometheusContentType)
  scrape(): Promise<string> {
    return this.metrics.text();
  }
}
