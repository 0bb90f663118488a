import { NINE_JOURNEYS, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PrismProxies } from '@lintas/testing/journey/prism-proxies';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The nine journeys once more, each request through a Prism validation proxy (`prism proxy
 * --errors`) in front of each service, started from the OpenAPI document the service serves: every
 * request the agencies send and every answer the services give must be what the documents say.
 *
 * LINTAS_PRISM_REPORT_ONLY=1 runs the proxies without `--errors`: they forward every answer
 * unchanged and only report, so one run lists every violation instead of the journeys stopping at
 * the first answer Prism replaced.
 */
const infra = useRealInfrastructure();
const reportOnly = process.env.LINTAS_PRISM_REPORT_ONLY === '1';
let lintas: RunningLintas;
let prism: PrismProxies;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  prism = await PrismProxies.start(lintas.world.urls, { errors: !reportOnly });
  infra.defer(() => prism.stop());
  await prepareJourneys(prism.world);
}, 120_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(`${lintas.output()}\n${prism.output()}\n`);
});

describe('journeys through a Prism validation proxy in front of each service', () => {
  for (const journey of NINE_JOURNEYS) {
    it(journey.title, () => journey.run(prism.world));
  }

  it("met no violation of any service's OpenAPI document", () => {
    const violations = prism.violations();
    if (violations.length > 0) process.stdout.write(`Prism's output:\n${prism.output()}\n`);
    expect(violations).toEqual([]);
  });
});
