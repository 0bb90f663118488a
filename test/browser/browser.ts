import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (which downloads no browser of its own): the
 * machines here install the `chromium` package (.ci/run does), CHROMIUM_PATH names another.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export const DEVICES = {
  /** The office laptop the issue names. */
  desktop: { viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;
export type DeviceName = keyof typeof DEVICES;

/**
 * A browser context that reaches the console at `actualUrl` while the identity provider knows it by
 * `publicUrl` (the base of its registered redirect URI), as a reverse proxy in front of the console
 * would make it: the provider's redirects to the one become redirects to the other. Chromium lets
 * a test intercept only the first request of a chain of redirects, so the provider's own
 * redirects (login form → authorization → callback) are followed here, with the context's cookies.
 */
export async function consoleContext(
  browser: Browser,
  device: DeviceName,
  publicUrl: string,
  actualUrl: string,
  issuer: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...DEVICES[device], locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  if (publicUrl === actualUrl) return context;
  const issuerOrigin = new URL(issuer).origin;
  await context.route(
    (url) => url.origin === issuerOrigin,
    async (route) => {
      let url = route.request().url();
      let response = await route.fetch({ maxRedirects: 0 });
      for (let hops = 0; hops < 10; hops += 1) {
        const location = response.headers().location;
        if (response.status() < 300 || response.status() >= 400 || !location) break;
        const next = new URL(location, url);
        if (next.origin !== issuerOrigin) break;
        url = next.toString();
        response = await context.request.get(url, { maxRedirects: 0 });
      }
      const location = response.headers().location;
      if (location?.startsWith(`${publicUrl}/`)) {
        return route.fulfill({ status: 303, headers: { location: `${actualUrl}${location.slice(publicUrl.length)}` } });
      }
      return route.fulfill({ response });
    },
  );
  return context;
}

/** Runs what makes the page navigate (a click, a key) and waits until the next page has loaded. */
export async function follow(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()]);
}

/** The text of the first element the locator finds, once there is one. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'attached' });
  return (await locator.first().textContent()) ?? '';
}

/** Signs in through the console's button and the identity provider's own login page, as a person does. */
export async function signIn(
  page: Page,
  consoleUrl: string,
  user: { userId: string; password: string },
): Promise<void> {
  await page.goto(`${consoleUrl}/`);
  await follow(page, () => page.locator('main a.button[href="/auth/login"]').click());
  await page.locator('#user-id').fill(user.userId);
  await page.locator('#password').fill(user.password);
  await Promise.all([page.waitForURL(`${consoleUrl}/search`), page.locator('#password').press('Enter')]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations of the page as it stands (WCAG 2.1 A and AA and
 * axe's best practices). Evaluated through the DevTools protocol, so that the page's own policy,
 * which lets no inline script run, stays as it is.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  );
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A readable account of violations, for a failing expectation. */
export function describeViolations(url: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${url}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * The page as it shows now, to docs/screenshots/console-<name>-<lang>-<device>.png: the viewport,
 * scrolled to `scrollTo` (a CSS selector) where the page's point lies below its header.
 */
export async function screenshot(
  page: Page,
  name: string,
  lang: string,
  device: DeviceName,
  scrollTo?: string,
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (scrollTo) await page.evaluate(`document.querySelector(${JSON.stringify(scrollTo)})?.scrollIntoView()`);
  const path = join(SCREENSHOTS, `console-${name}-${lang}-${device}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
