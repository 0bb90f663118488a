import {
  Body,
  Controller,
  Get,
  HttpCode,
  Module,
  Param,
  ParseUUIDPipe,
  Post,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiProperty, type OpenAPIObject, type OperationObject } from '@nestjs/swagger';
import { createLogger } from '../../logging/json-logger';
import { PlatformModule } from '../../service/platform.module';
import { readServiceEnv } from '../../service/run-service';
import { Allow, Public } from '../agency/agency.guard';
import { buildOpenApiDocument } from '../openapi';
import { IfMatch, MinPosition, NewId } from '../request-context';

// jest compiles without the @nestjs/swagger CLI plugin, so the DTOs say what the plugin would.
class LocationDto {
  @ApiProperty() regionCode!: string;
}

class RecordThingRequest {
  @ApiProperty() note!: string;
  @ApiProperty({ type: LocationDto }) location!: LocationDto;
}

class ThingView {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
}

@Controller('things')
class RecordThingController {
  @ApiOperation({ summary: 'Records a thing; its id comes from the Idempotency-Key. More words follow here.' })
  @Post()
  @Allow('dinas-sosial', 'rsj')
  record(@Body() _body: RecordThingRequest, @NewId('thing') id: string) {
    return { id, version: 1, position: '1.0' };
  }
}

@Controller('things')
class ChangeThingController {
  @Post(':thingId/change')
  @ApiOperation({ summary: 'Change a thing' })
  @HttpCode(200)
  @Allow('dinas-sosial')
  change(@Param('thingId', new ParseUUIDPipe()) thingId: string, @IfMatch() _version?: number) {
    return { id: thingId, version: 2, position: '2.0' };
  }
}

@Controller('things')
class ThingQueriesController {
  @Get(':thingId')
  @ApiOkResponse({ type: ThingView })
  @Allow('admin')
  show(@Param('thingId', new ParseUUIDPipe()) thingId: string, @MinPosition() _at?: string): ThingView {
    return { id: thingId, version: 1 };
  }

  @Get()
  list(@MinPosition() _at?: string): ThingView[] {
    return [];
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  hello() {
    return { hello: true };
  }
}

@Module({ controllers: [RecordThingController, ChangeThingController, ThingQueriesController, OpenController] })
class ThingsModule {}

@Module({})
class Root {}

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  const service = { name: 'probe', description: 'A probe.', defaultPort: 0, module: ThingsModule };
  const env = readServiceEnv(service, {});
  app = await NestFactory.create(
    { module: Root, imports: [PlatformModule.forService('probe', env, createLogger('probe', 'fatal')), ThingsModule] },
    { preview: true, abortOnError: false, logger: false },
  );
  document = buildOpenApiDocument(app, service.name, service.description);
});

afterAll(async () => {
  await app.close();
});

const operation = (path: string, method: 'get' | 'post'): OperationObject & Record<string, unknown> => {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path} in ${Object.keys(document.paths).join(', ')}`);
  return found as OperationObject & Record<string, unknown>;
};
const refs = (op: OperationObject) => (op.parameters ?? []).map((p) => ('$ref' in p ? p.$ref : `${p.in}:${p.name}`));

describe('the OpenAPI document of a service', () => {
  it('asks for the agency token and names the agency kinds a route allows', () => {
    const op = operation('/things', 'post');
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(op['x-lintas-allowed-agency-kinds']).toEqual(['dinas-sosial', 'rsj']);
    expect(op.description).toContain('Allowed agency kinds: `dinas-sosial`, `rsj`.');
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('marks a route without @Allow as closed, and public routes as needing no token', () => {
    const closed = operation('/things', 'get');
    expect(closed.security).toEqual([{ bearer: [] }]);
    expect(closed['x-lintas-allowed-agency-kinds']).toEqual([]);
    expect(closed.description).toContain('Closed');
    for (const [path, method] of [
      ['/open', 'get'],
      ['/health/live', 'get'],
      ['/health/ready', 'get'],
      ['/metrics', 'get'],
      ['/openapi.json', 'get'],
    ] as const) {
      expect(operation(path, method).security).toEqual([]);
      expect(operation(path, method).responses['401']).toBeUndefined();
    }
  });

  it('declares Idempotency-Key on POSTs, If-Match where the route reads it, X-Lintas-Min-Position on reads', () => {
    expect(refs(operation('/things', 'post'))).toEqual(['#/components/parameters/IdempotencyKey']);
    expect(refs(operation('/things/{thingId}/change', 'post'))).toEqual([
      'path:thingId',
      '#/components/parameters/IdempotencyKey',
      '#/components/parameters/IfMatch',
    ]);
    expect(refs(operation('/things/{thingId}', 'get'))).toEqual([
      'path:thingId',
      '#/components/parameters/MinPosition',
    ]);
    expect(document.components?.parameters?.IdempotencyKey).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
    });
    expect(document.components?.parameters?.IfMatch).toMatchObject({ name: 'If-Match', required: false });
  });

  it("serves every service's store verification to admins, answered 200 with its report", () => {
    const op = operation('/admin/store-verifications', 'post');
    expect(op).toMatchObject({
      operationId: 'verifyStore',
      tags: ['admin'],
      'x-lintas-allowed-agency-kinds': ['admin'],
    });
    expect(op.description).toContain('The token must also carry the scope `lintas.admin` (else 403).');
    expect(op.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/StoreVerificationResponse' } } },
    });
    expect(op.responses['201']).toBeUndefined();
    expect(document.tags?.find((tag) => tag.name === 'admin')?.description).toContain('lintas.admin');
  });

  it('types path parameters by their pipes', () => {
    const [thingId] = operation('/things/{thingId}', 'get').parameters ?? [];
    expect(thingId).toMatchObject({ name: 'thingId', in: 'path', schema: { type: 'string', format: 'uuid' } });
  });

  it('documents each problem a route can answer, as problem+json', () => {
    const statuses = (path: string, method: 'get' | 'post') =>
      Object.keys(operation(path, method).responses).filter((code) => code >= '400');
    expect(statuses('/things', 'post')).toEqual(['400', '401', '403', '409', '422', '503']);
    expect(statuses('/things/{thingId}/change', 'post')).toEqual([
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '422',
      '503',
    ]);
    expect(statuses('/things/{thingId}', 'get')).toEqual(['400', '401', '403', '404', '503', '504']);
    expect(operation('/things/{thingId}', 'get').responses['504']).toEqual({
      $ref: '#/components/responses/GatewayTimeout',
    });
    const problem = document.components?.responses?.PreconditionFailed as { content: Record<string, unknown> };
    expect(problem.content['application/problem+json']).toMatchObject({
      schema: { $ref: '#/components/schemas/Problem' },
      example: { type: 'https://lintas.id/problems/version.stale', status: 412, code: 'version.stale' },
    });
    expect(document.components?.schemas?.Problem).toMatchObject({
      required: ['type', 'title', 'status', 'detail', 'code'],
    });
  });

  it("types a write's answer and its headers", () => {
    for (const [path, status] of [
      ['/things', '201'],
      ['/things/{thingId}/change', '200'],
    ] as const) {
      const response = operation(path, 'post').responses[status] as {
        content: Record<string, { schema: unknown }>;
        headers: Record<string, unknown>;
      };
      expect(response.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/WriteResult' });
      expect(Object.keys(response.headers)).toEqual(['ETag', 'X-Lintas-Position', 'Idempotent-Replayed']);
    }
    expect(document.components?.schemas?.WriteResult).toMatchObject({ required: ['id', 'version', 'position'] });
    const read = operation('/things/{thingId}', 'get').responses['200'] as { headers?: Record<string, unknown> };
    expect(Object.keys(read.headers ?? {})).toEqual(['ETag']);
  });

  it('refuses unknown fields in request bodies, nested ones too', () => {
    expect(document.components?.schemas?.RecordThingRequest).toMatchObject({ additionalProperties: false });
    expect(document.components?.schemas?.LocationDto).toMatchObject({ additionalProperties: false });
    expect(document.components?.schemas?.ThingView).not.toHaveProperty('additionalProperties');
  });

  it('gives every operation a unique operationId, a one-line summary and a tag', () => {
    const operations = Object.values(document.paths).flatMap((item) =>
      (['get', 'post'] as const).flatMap((method) => item[method] ?? []),
    );
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['recordThing', 'changeThing', 'thingQueriesShow', 'thingQueriesList', 'openApiDocument']),
    );
    for (const op of operations) {
      expect(op.summary).toMatch(/^[^\n]{1,100}$/);
      expect(op.tags?.length).toBe(1);
    }
    // A doc comment (the swagger plugin makes it the summary) moves to the description.
    const record = operation('/things', 'post');
    expect(record.summary).toBe('Record thing');
    expect(record.description).toContain('Records a thing; its id comes from the Idempotency-Key. More words');
    expect(operation('/things/{thingId}/change', 'post').summary).toBe('Change a thing');
    expect(operation('/things/{thingId}', 'get').summary).toBe('Thing queries: show');
    expect(document.tags?.map((tag) => tag.name)).toEqual(['admin', 'health', 'metrics', 'open', 'openapi', 'things']);
  });

  it('describes /metrics as Prometheus text, not as JSON', () => {
    const metrics = operation('/metrics', 'get');
    expect(Object.keys(metrics.responses)).toEqual(['200']);
    expect(metrics.responses['200']).toMatchObject({ content: { 'text/plain': { schema: { type: 'string' } } } });
  });

  it('names its server and licence and drops the components no route uses', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.info.license).toEqual({ name: 'UNLICENSED' });
    expect(Object.keys(document.components?.headers ?? {})).toEqual(['ETag', 'Position', 'IdempotentReplayed']);
  });
});
