import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the service's OpenAPI 3.1 document at /openapi.json, outside the agency guard. */
export function serveOpenApi(app: INestApplication, name: string, description: string): void {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Lintas ${name}`)
    .setDescription(
      `${description}\n\nEvery POST needs an Idempotency-Key header. Writes answer with the stream version as ETag ` +
        '(send it back as If-Match) and their position as X-Lintas-Position; reads are eventually consistent and ' +
        'wait for a position sent as X-Lintas-Min-Position. Errors are RFC 9457 problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'agency token' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  app
    .getHttpAdapter()
    .get('/openapi.json', (_request: unknown, response: { json(body: unknown): void }) => response.json(document));
}
