import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { agency } from '@lintas/testing/http/agency-client';
import { eventually } from '@lintas/testing/eventually';
import { testIdentity, type TestUser } from '@lintas/testing/identity/test-identity';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import {
  consoleContext,
  describeViolations,
  follow,
  launchChromium,
  screenshot,
  seriousViolations,
  signIn,
  textOf,
  type DeviceName,
} from './browser';

/**
 * The console in headless Chromium against the real services (as processes, on real Kafka and
 * PostgreSQL) and the real identity provider: people sign in on the provider's own login page,
 * and every page's data comes from the services under their own token. Seeded through the APIs
 * as the agencies' systems do: one person returned home (Malang), one waiting at RSJ Lawang.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;
let browser: Browser;
/** Where the browser reaches the console: the base of the redirect URI its client is registered with. */
let publicUrl: string;
let actualUrl: string;
let home: PersonJourney;
let waiting: PersonJourney;
let caseNumber: string;
let nik: string;
let malang: TestUser;
let surabaya: TestUser;
let admin: TestUser;

/** Steps of the main path in the order they happened, as the trail shows them (`data-type`). */
const MAIN_PATH = [
  'id.lintas.intake.pickup.reported.v1',
  'id.lintas.intake.person.handed-over.v1',
  'id.lintas.intake.case.registered.v1',
  'id.lintas.intake.assessment.completed.v1',
  'id.lintas.health-liaison.rsj-referral.requested.v1',
  'id.lintas.health-liaison.patient.admitted.v1',
  'id.lintas.health-liaison.patient.discharged.v1',
  'id.lintas.rehabilitation.placement.requested.v1',
  'id.lintas.rehabilitation.placement.admitted.v1',
  'id.lintas.rehabilitation.rehabilitation.terminated.v1',
  'id.lintas.family-reunification.reunification.completed.v1',
  'id.lintas.family-reunification.case.closed.v1',
];

beforeAll(async () => {
  const identity = await testIdentity();
  const client = identity.consoleClient;
  publicUrl = client.redirectUri.replace(/\/auth\/callback$/, '');
  lintas = await RunningLintas.forTestFile(infra, {
    withAudit: true,
    withConsole: { consoleUrl: publicUrl, clientId: client.clientId, clientSecret: client.secret },
    env: { LEDGER_CHECKPOINT_SECONDS: '1' },
  });
  actualUrl = lintas.consoleUrl ?? '';
  await prepareJourneys(lintas.world);
  const who = journeyIdentity('Sri Wahyuningsih');
  nik = who.nik;
  home = await new PersonJourney(lintas.world).mainPath(who);
  waiting = await new PersonJourney(lintas.world).pickedUp();
  await waiting.handedOver();
  await waiting.registered();
  await waiting.identified(journeyIdentity('Joko Prasetyo'));
  await waiting.consented();
  await waiting.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await waiting.referralArrived();
  caseNumber = (await lintas.world.intake('dinsosMalang').get(`/cases/${home.caseId}`)).body.caseNumber;
  // The ledger reads four topics: the trail is complete once the last step of the journey is in.
  await eventually(
    () => lintas.world.audit('admin').get(`/persons/${home.personId}/trail`),
    (reply) =>
      reply.status === 200 &&
      reply.body.steps.some((step: { type: string }) => step.type === MAIN_PATH[MAIN_PATH.length - 1]),
    { timeoutMs: 60_000 },
  );
  malang = await identity.createUser({ ...AGENCIES.dinsosMalang, userId: 'ani.malang' }, { name: 'Ani Rahmawati' });
  surabaya = await identity.createUser(
    { ...agency('dinas-sosial', 'dinsos-3578', '3578'), userId: 'budi.surabaya' },
    { name: 'Budi Santoso' },
  );
  admin = await identity.createUser({ ...AGENCIES.admin, userId: 'admin.lintas' }, { name: 'Admin Lintas' });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** A signed-in page of a new browser context (its own cookies), on the given device. */
async function signedInPage(
  user: TestUser,
  device: DeviceName = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await consoleContext(browser, device, publicUrl, actualUrl, (await testIdentity()).issuer);
  const page = await context.newPage();
  await signIn(page, actualUrl, user);
  return { context, page };
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(describeViolations(page.url(), violations)).toBe('');
}

async function search(page: Page, q: string): Promise<void> {
  await page.goto(`${actualUrl}/search`);
  await page.locator('#q').fill(q);
  await follow(page, () => page.locator('#q').press('Enter'));
}

describe('a supervisor of Kabupaten Malang', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInPage(malang));
  }, 60_000);

  afterAll(() => context?.close());

  it('is signed in through the provider, and the console holds no token in the browser', async () => {
    expect(await textOf(page.locator('header .who'))).toContain('Ani Rahmawati');
    const cookies = await context.cookies(actualUrl);
    const session = cookies.find((cookie) => cookie.name === 'lintas-console');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // A random id and its HMAC, nothing a token could be read from.
    expect(session?.value).toMatch(/^[\w-]{43}\.[\w-]{43}$/);
    expect(await page.evaluate('document.cookie')).not.toContain('lintas-console');
    await expectAccessible(page);
  });

  it('finds the seeded person by case number and by NIK, the NIK masked', async () => {
    await search(page, caseNumber);
    const row = page.locator('#search-results tbody tr');
    expect(await row.count()).toBe(1);
    expect(await textOf(row)).toContain(caseNumber);
    expect(await textOf(row.locator('.nik'))).toBe(`************${nik.slice(-4)}`);
    await expectAccessible(page);
    await search(page, nik);
    expect(await textOf(page.locator('#search-results tbody tr'))).toContain(caseNumber);
  });

  it('opens the trail: every step in causal order, with agency, time and stage, causes linked', async () => {
    await search(page, caseNumber);
    await follow(page, () => page.locator('#search-results tbody tr a').first().click());
    const types = await page
      .locator('#trail > li')
      .evaluateAll((steps) => steps.map((s) => s.getAttribute('data-type')));
    const journey = types.filter((type) => MAIN_PATH.includes(type ?? ''));
    expect(journey.filter((type, i) => journey.indexOf(type) === i)).toEqual(MAIN_PATH);
    const first = page.locator('#trail > li').first();
    expect(await first.getAttribute('data-type')).toBe(MAIN_PATH[0]);
    const firstText = await textOf(first);
    expect(firstText).toContain('Penjemputan dilaporkan');
    expect(firstText).toContain(AGENCIES.satpolMalang.agencyId);
    expect(firstText).toContain('WIB');
    expect(firstText).toContain('Penerimaan');
    // Each "caused by" points at an earlier step.
    const causes = await page.locator('#trail a.cause').evaluateAll((links) =>
      links.map((link) => ({
        from: Number(link.closest('li')?.id.replace('step-', '')),
        to: Number(link.getAttribute('href')?.replace('#step-', '')),
      })),
    );
    expect(causes.length).toBeGreaterThanOrEqual(2);
    for (const { from, to } of causes) expect(to).toBeLessThan(from);
    await expectAccessible(page);
  });

  it('moves the point-in-time control back and sees the trail as it stood then', async () => {
    const all = await page.locator('#trail > li').count();
    const slider = page.locator('#upTo');
    const max = Number(await slider.getAttribute('max'));
    // The console's script sends the form when the slider moves (keyboard, here).
    await slider.focus();
    await follow(page, () => page.keyboard.press('Home'));
    expect(page.url()).toMatch(/upTo=1/);
    expect(await textOf(page.locator('main .notice.info'))).toContain('Keadaan per');
    const then = await page.locator('#trail > li').count();
    expect(then).toBeLessThan(all);
    expect(await page.locator('#upTo').inputValue()).toBe('1');
    expect(max).toBeGreaterThan(1);
    await expectAccessible(page);
  });

  it('opens a queue: the referral waiting at RSJ Lawang, with its age and a link to the person', async () => {
    await page.goto(`${actualUrl}/queues`);
    await follow(page, () => page.locator('a[href="/queues/referrals"]').click());
    const table = page.locator('main table', { hasText: AGENCIES.rsjLawang.agencyId });
    expect(await table.count()).toBe(1);
    expect(await table.locator(`a[href^="/persons/${waiting.personId}"]`).count()).toBe(1);
    expect(await textOf(table)).toContain('0 hari');
    await expectAccessible(page);
  });

  it('switches to English and stays on the same page', async () => {
    const before = page.url();
    await follow(page, () => page.locator('header a.lang').click());
    expect(page.url()).toBe(before);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await textOf(page.locator('h1'))).toBe('RSJ referrals awaiting an answer');
    expect(await textOf(page.locator('main table'))).toContain('0 days');
    await expectAccessible(page);
    await follow(page, () => page.locator('header a.lang').click());
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('sees a chart drawn from the seeded data', async () => {
    await page.goto(`${actualUrl}/indicators`);
    const returned = page.locator('#chart-returned');
    expect(await returned.getAttribute('data-has-data')).toBe('yes');
    expect(await returned.locator('svg[role=img]').count()).toBe(1);
    // One person returned this month in 3507: the bar's label and the chart's data table say 1.
    const values = await returned.locator('details table tbody td:nth-child(2)').allTextContents();
    expect(values.map(Number).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await page.locator('#chart-caseload').getAttribute('data-has-data')).toBe('yes');
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[href^="/indicators/export.csv"]').click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^indicator,unit,region_level,region_code,period,breakdown,value/);
    expect(csv).toContain('persons-returned');
  });

  it('reveals the NIK, and finds that reveal in the access records', async () => {
    await page.goto(`${actualUrl}/cases/${home.caseId}`);
    expect(await textOf(page.locator('#nik'))).toBe(`************${nik.slice(-4)}`);
    await expectAccessible(page);
    await follow(page, () => page.locator('form.reveal button').click());
    expect(await textOf(page.locator('#nik'))).toBe(nik);
    await page.goto(`${actualUrl}/persons/${home.personId}/access-records?service=intake`);
    const reveal = page
      .locator('#access-records tbody tr', { hasText: 'identity.nik' })
      .filter({ hasText: malang.userId });
    expect(await reveal.count()).toBeGreaterThan(0);
    expect(await textOf(reveal)).toContain('/cases/:caseId');
    await expectAccessible(page);
  });
});

describe('an admin', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInPage(admin));
  }, 60_000);

  afterAll(() => context?.close());

  it('runs a verification of every store and the ledger and sees it pass', async () => {
    await follow(page, () => page.locator('header nav a[href="/integrity"]').click());
    await expectAccessible(page);
    await page.locator('#reason').fill('browser test');
    await follow(page, () => page.locator('form[action="/integrity/verifications"] button').click());
    expect(await textOf(page.locator('main'))).not.toContain('Peran Anda tidak boleh');
    expect(await page.locator('#verification').getAttribute('data-ok')).toBe('yes');
    const subjects = await page.locator('#verification-results tbody tr td:first-child').allTextContents();
    expect(subjects.length).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);
  });

  it("downloads the person's evidence bundle", async () => {
    await page.goto(`${actualUrl}/persons/${home.personId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`a[href="/persons/${home.personId}/evidence-bundle"]`).click(),
    ]);
    const bundle = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { format: string };
    expect(bundle.format).toBe('lintas-evidence/1');
  });

  it('sees the dead letters of every service and the webhook subscriptions, or why not', async () => {
    await page.goto(`${actualUrl}/integrity/dead-letters`);
    expect(await page.locator('main section').count()).toBe(5);
    // None of the journeys failed a reaction: every service answers an empty list, none refuses.
    expect(await page.locator('main .notice.refused').count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${actualUrl}/integrity/webhooks`);
    expect(await page.locator('main .notice, main table, main .empty').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });
});

describe('the head of a panti (Panti Bina Laras Kediri)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const head = await (
      await testIdentity()
    ).createUser({ ...AGENCIES.pantiKediri, userId: 'kepala.binalaras' }, { name: 'Dewi Lestari' });
    ({ context, page } = await signedInPage(head));
  }, 60_000);

  afterAll(() => context?.close());

  it("sees the panti's beds against its capacity: the returned person's bed is free again", async () => {
    await page.goto(`${actualUrl}/queues/occupancy`);
    const beds = page.locator('#occupancy');
    const row = beds.locator('tbody tr', { hasText: AGENCIES.pantiKediri.agencyId });
    expect(await row.count()).toBe(1);
    // Panti, beds, occupied, held for admission, free, waiting: the journeys set 100 beds, and the
    // one resident went home.
    expect((await row.locator('td').allTextContents()).map((cell) => cell.trim())).toEqual([
      AGENCIES.pantiKediri.agencyId,
      '100',
      '0',
      '0',
      '100',
      '0',
    ]);
    expect(await page.locator('main .notice.refused').count()).toBe(0);
    await expectAccessible(page);
  });
});

describe("a supervisor of another kabupaten's office (Kota Surabaya)", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await signedInPage(surabaya));
  }, 60_000);

  afterAll(() => context?.close());

  it('does not find the person, and is told so plainly when opening them directly', async () => {
    await search(page, caseNumber);
    expect(await page.locator('#search-results').count()).toBe(0);
    expect(await textOf(page.locator('main p.empty'))).toContain(caseNumber);
    await search(page, nik);
    expect(await page.locator('#search-results').count()).toBe(0);
    await page.goto(`${actualUrl}/persons/${home.personId}`);
    expect(await page.locator('#trail').count()).toBe(0);
    expect(await page.locator('main .notice.refused').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });
});

describe('screenshots of the main pages', () => {
  it.each(['desktop', 'phone'] as const)(
    'in both languages on a %s',
    async (device) => {
      const { context, page } = await signedInPage(malang, device);
      try {
        for (const lang of ['id', 'en']) {
          await page.goto(`${actualUrl}/language?lang=${lang}&back=/search`);
          await search(page, caseNumber);
          await screenshot(page, 'search', lang, device);
          await page.goto(`${actualUrl}/persons/${home.personId}`);
          await screenshot(page, 'trail', lang, device, '#trail-title');
          await page.goto(`${actualUrl}/queues/referrals`);
          await screenshot(page, 'queue', lang, device);
          await page.goto(`${actualUrl}/indicators`);
          await screenshot(page, 'indicators', lang, device, device === 'phone' ? '.charts' : undefined);
          await expectAccessible(page);
        }
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
