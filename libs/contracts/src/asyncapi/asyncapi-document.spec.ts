import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument, PUBLISHERS } from './asyncapi-document';

const contracts = PUBLISHERS.flatMap(({ service, contracts }) => contracts.map((contract) => ({ service, contract })));

describe('the AsyncAPI document of the integration events', () => {
  const parser = new Parser();
  const document = buildAsyncApiDocument();

  it('is valid AsyncAPI 3.1', async () => {
    const diagnostics = await parser.validate(JSON.stringify(document));
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.code} ${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });

  it('has every contract as a message on its topic, sent by the service that owns it', async () => {
    const { document: parsed } = await parser.parse(JSON.stringify(document));
    if (!parsed) throw new Error('the document did not parse');
    expect(contracts.length).toBeGreaterThan(0);
    for (const { service, contract } of contracts) {
      const message = parsed.components().messages().get(contract.type);
      expect(message?.name()).toBe(contract.type);
      expect(message?.payload()?.json()).toMatchObject(contract.schema);

      const channel = parsed
        .channels()
        .all()
        .find((c) => c.address() === contract.topic);
      expect(
        channel
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toContain(contract.type);
      const senders = channel?.operations().filterBySend() ?? [];
      expect(senders.map((operation) => operation.id())).toHaveLength(1);
      expect(
        senders[0]
          ?.messages()
          .all()
          .map((m) => m.name()),
      ).toContain(contract.type);
      expect(senders[0]?.summary()).toContain(`${service} publishes`);
    }
    expect(parsed.components().messages().all()).toHaveLength(contracts.length);
  });

  it('carries the CloudEvents headers the Kafka binding writes', async () => {
    const { document: parsed } = await parser.parse(JSON.stringify(document));
    const message = parsed
      ?.components()
      .messages()
      .get(contracts[0]?.contract.type ?? '');
    const headers = message?.headers()?.json() as { allOf: { properties?: Record<string, unknown> }[] };
    const shared = document.components as {
      schemas: { CloudEventHeaders: { properties: object; required: string[] } };
    };
    expect(Object.keys(shared.schemas.CloudEventHeaders.properties)).toEqual([
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'content-type',
      'ce_subject',
      'ce_correlationid',
      'ce_causationid',
      'ce_actoragencyid',
      'ce_actorclientid',
      'ce_traceparent',
      'ce_tracestate',
      'ce_redeliveryid',
    ]);
    expect(shared.schemas.CloudEventHeaders.required).toEqual([
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'content-type',
    ]);
    expect(headers.allOf[1]?.properties?.ce_type).toMatchObject({ type: 'string', const: contracts[0]?.contract.type });
    expect(message?.correlationId()?.location()).toBe('$message.header#/ce_correlationid');
  });
});
