import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_DESCRIPTION, BEARER_SCHEME } from './openapi/agency-api-components';
import { annotateDocument, DOCUMENT_PATH } from './openapi/annotate-document';
import { readRouteFacts } from './openapi/route-facts';

/**
 * The service's OpenAPI 3.1 document: what SwaggerModule reads from the controllers and DTOs,
 * completed from each route's metadata with what the HTTP edge does to every route (who may call
 * it, the headers it reads and answers, its problems), so that no route repeats it. Needs no
 * database: it works on an application created with `preview: true`.
 */
export function buildOpenApiDocument(app: INestApplication, name: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Lintas ${name}`)
    .setDescription(
      `${description}\n\nEvery POST needs an Idempotency-Key header. Writes answer with the stream version as ETag ` +
        '(send it back as If-Match) and their position as X-Lintas-Position; reads are eventually consistent and ' +
        'wait for a position sent as X-Lintas-Min-Position. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addServer('/', 'The service that served this document')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'Lintas agency token', description: BEARER_DESCRIPTION },
      BEARER_SCHEME,
    )
    .build();
  // DocumentBuilder starts with an empty contact. The licence is package.json's: none to link to.
  delete config.info.contact;
  config.info.license = { name: 'UNLICENSED' };
  const document = SwaggerModule.createDocument(app, config, { autoTagControllers: false });
  return annotateDocument(document, readRouteFacts(app));
}

/** Serves the service's OpenAPI 3.1 document at /openapi.json, outside the agency guard. */
export function serveOpenApi(app: INestApplication, name: string, description: string): void {
  const document = buildOpenApiDocument(app, name, description);
  app
    .getHttpAdapter()
    .get(DOCUMENT_PATH, (_request: unknown, response: { json(body: unknown): void }) => response.json(document));
}
