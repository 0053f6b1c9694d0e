import { APIRequestContext, expect, Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** True in the project that runs with JavaScript disabled. */
export function noJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled === false;
}

/** Waits until the wasm bundle has hydrated the server-rendered HTML (the
 * frontend marks `<html data-hydrated>` right after hydrating). */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/**
 * Runs axe-core on the page and fails with the violations listed. axe runs as
 * a script, so with JavaScript off it is skipped: the server-rendered HTML it
 * would check is the same one the JavaScript project checks.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo): Promise<void> {
  if (noJs(testInfo)) return;
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** The demo users' shared password (see the README). */
export const DEMO_PASSWORD = 'telegent demo 2026';

/** Signs in through the form, the way a person does, and waits for the home page. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The portal's in-process sandbox (see playwright.config.ts). */
const SANDBOX = `http://127.0.0.1:${Number(process.env.PORTAL_E2E_SANDBOX_PORT ?? 3101)}`;

/** Moves the sandbox's clock on: orders progress (see the README's magic values). */
export async function advanceSandboxClock(request: APIRequestContext, minutes: number): Promise<void> {
  const answer = await request.post(`${SANDBOX}/_sandbox/clock/advance`, { data: { Minutes: minutes } });
  expect(answer.ok(), 'sandbox clock advanced').toBeTruthy();
}

/** Makes the sandbox fail matching Telegent requests until `clearFaults`
 * (a rule as `POST /_sandbox/faults` takes it, see the README). */
export async function injectFault(request: APIRequestContext, rule: Record<string, unknown>): Promise<void> {
  const answer = await request.post(`${SANDBOX}/_sandbox/faults`, { data: rule });
  expect(answer.ok(), 'fault injected').toBeTruthy();
}

export async function clearFaults(request: APIRequestContext): Promise<void> {
  const answer = await request.post(`${SANDBOX}/_sandbox/faults/clear`);
  expect(answer.ok(), 'faults cleared').toBeTruthy();
}

/** Stores a data limit on the sandbox directly, as the platform stored any
 * value it was sent before the portal bounded its inputs: a limit in KB far
 * past what the platform's answers can carry (issue 12 #1). `key`/`secret`
 * are the Distributor's sandbox credential (see `server/sandbox/src/seed.rs`). */
export async function storeRawLimit(request: APIRequestContext, key: string, secret: string, number: string, limitKb: number): Promise<void> {
  const token = await request.post(`${SANDBOX}/v1.0/OAuth2/tokens`, { data: { AccountKey: key, AccountSecret: secret, ApiEndpoint: `${SANDBOX}/v1.0/numbers/data-usage` } });
  expect(token.ok(), 'a sandbox token').toBeTruthy();
  const { token: bearer } = await token.json();
  const stored = await request.post(`${SANDBOX}/v1.0/numbers/data-usage`, {
    headers: { Authorization: `Bearer ${bearer}` },
    data: { PhoneNumbers: [{ Number: number }], ValueUnit: 'KB', LimitValue: limitKb },
  });
  expect(stored.ok(), `the sandbox stored the limit: ${await stored.text()}`).toBeTruthy();
}

/** Globex's sandbox credential (the Smith Family's Distributor). */
export const GLOBEX = { key: 'DID-910b0002-7d2f-4c8b-a100-00000000b0b0', secret: 'globex-sandbox-secret' };
