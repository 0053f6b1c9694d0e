import { test, expect, APIRequestContext, Page } from '@playwright/test';
import { expectAccessible, hydrated, noJs, signIn } from './helpers';

// The onboarding checklist (issue 16), with JavaScript on and off: a
// Distributor admin builds the onboarding path on a fresh Account (product,
// package with two items, message route, voice route, subscriber, a number,
// subscription) and the checklist ticks each step as Telegent and the
// portal's records show it, with the ID to keep; a section is marked not in
// scope with a reason; a viewer reads the same pages with no control to
// change anything; axe finds nothing; the checklist fits a phone. Names carry
// the project and a random suffix: both projects share one portal.

/** The in-process sandbox (playwright.config.ts), as helpers.ts reaches it. */
const SANDBOX = `http://127.0.0.1:${Number(process.env.PORTAL_E2E_SANDBOX_PORT ?? 3101)}`;
/** Acme Mobile's sandbox credential (server/sandbox/src/seed.rs). */
const ACME = { key: 'DID-acme0001-5c1e-4b7a-9f00-0000000a11ce', secret: 'acme-sandbox-secret' };

/** The checklist's row of step `n` ("4", "8a"…), and its cells (pages.rs `StepsTable`). */
function stepRow(page: Page, n: string) {
  return page.locator('tbody tr').filter({ has: page.locator('td[data-label="Step"]', { hasText: new RegExp(`^${n}$`) }) });
}
const note = (page: Page, n: string) => stepRow(page, n).locator('td[data-label="What it shows"]');
const progress = (page: Page) => page.locator('h2#progress');

/** A step's state, and the ID it keeps when given (a ToDo row shows the bare prefix). */
async function expectStep(page: Page, n: string, state: string, id?: string | RegExp) {
  await expect(stepRow(page, n).locator('td[data-label="State"]'), `step ${n}`).toHaveText(state);
  if (id !== undefined) await expect(stepRow(page, n).locator('td[data-label="ID to keep"]'), `step ${n}'s ID`).toHaveText(id);
}

/** With JavaScript on, a `<details>` form is opened only once the page has hydrated. */
async function settled(page: Page, noScript: boolean) {
  if (!noScript) await hydrated(page);
}

/** Nothing on a checklist page changes it: no scope form, no sign-off form. */
async function expectNoChecklistControls(page: Page) {
  await expect(progress(page)).toBeVisible();
  await expect(page.locator('summary', { hasText: /^Mark .* not in scope…$/ })).toHaveCount(0);
  await expect(page.getByLabel('Why is it not in scope?')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /not in scope|back in scope|sign-off/i })).toHaveCount(0);
  await expect(page.getByText('Record the sign-off')).toHaveCount(0);
}

/**
 * Provisions a number the way a partner's own integration does, on
 * Telegent's API with the Distributor's credential: the portal cannot
 * provision numbers yet (the numbers-and-porting issue), and step 7 counts
 * any number Telegent shows in the Account. It uses the Account's message
 * route (the API requires one) and is assigned to the Account's subscriber.
 */
async function provisionNumber(request: APIRequestContext, accountId: string, subscriberId: string, mrid: string) {
  const endpoint = `${SANDBOX}/v1.0/numbers/provision`;
  const token = await request.post(`${SANDBOX}/v1.0/OAuth2/tokens`, { data: { AccountKey: ACME.key, AccountSecret: ACME.secret, ApiEndpoint: endpoint } });
  expect(token.ok(), 'a sandbox token').toBeTruthy();
  const { token: bearer } = await token.json();
  const answer = await request.post(endpoint, {
    headers: { Authorization: `Bearer ${bearer}` },
    data: {
      AccountId: accountId, AssignedSubscriberId: subscriberId, MessageRouteId: mrid,
      NumberType: 'mvno', MessageType: 'p2p', MessageEnabled: true, VoiceEnabled: false, DataEnabled: true,
      ProductType: 'Sms+Data', AreaCode: '801',
    },
  });
  expect(answer.ok(), `the sandbox provisioned a number: ${await answer.text()}`).toBeTruthy();
  const body = await answer.json();
  return { id: body.PhoneNumberId as string, msisdn: body.PhoneNumberAssigned as string };
}

test.describe('Onboarding checklist', () => {
  test('an admin builds the onboarding path on a fresh Account and watches each step tick', async ({ page, request }, testInfo) => {
    test.setTimeout(180_000); // some twenty pages, and a read of Telegent's numbers to wait for
    const suffix = `${testInfo.project.name}-${Math.random().toString(36).slice(2, 7)}`;
    const account = `Onboarding ${suffix}`;
    await signIn(page, 'admin@acme.example');

    // Step 1: a fresh Account (as staff-changes.spec.ts creates one).
    await page.goto('/');
    await page.getByRole('link', { name: 'New account' }).click();
    await page.getByLabel('Account name').fill(account);
    await page.getByLabel("Manager's e-mail").fill('contact@example.com');
    await page.locator('#billing_street1').fill('1 Launch Way');
    await page.locator('#billing_city').fill('Provo');
    await page.locator('#billing_zip').fill('84601');
    await page.locator('#billing_country').fill('USA');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/accounts\/AID-[^/?]+\?saved=created$/);
    const aid = /\/accounts\/(AID-[^/?]+)/.exec(page.url())![1];
    const checklist = `/accounts/${aid}/onboarding`;

    // The Account's own navigation leads to its checklist: only the Account
    // is there. Products and packages show done from the start: the
    // Distributor's catalog is offered to every Account (facts.rs `mine`).
    await page.getByRole('navigation', { name: 'This account' }).getByRole('link', { name: 'Onboarding' }).click();
    await expect(page).toHaveURL(new RegExp(`${checklist}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Onboarding checklist' })).toBeVisible();
    await expect(page.locator('.page-head')).toContainText(account);
    await expect(progress(page)).toHaveText('3 of 25 done');
    await expectStep(page, '1', 'Done', aid);
    for (const n of ['4', '5', '6', '7', '9', '10', '17']) await expectStep(page, n, 'To do');
    await expectStep(page, '14', 'At sign-off');
    await expect(note(page, '7')).toHaveText('Needs a message route first (step 4).');
    await expect(note(page, '9')).toContainText('a subscriber (6)');
    await expectAccessible(page, testInfo);

    // Steps 2 and 3: the Account's own product, and a package of two items
    // of it, each from the checklist's link. The steps stay done, with an ID.
    const sku = `ONB-${suffix}`.toUpperCase();
    await stepRow(page, '2').getByRole('link', { name: 'New product' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible();
    await page.getByLabel('SKU').fill(sku);
    await page.getByLabel('Description').fill('Launch data');
    await page.getByLabel('Type', { exact: true }).selectOption('data');
    await page.getByLabel('Wholesale cost (US$)').fill('0.50');
    await page.locator('#for_account').selectOption({ label: `${account} only` });
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByText('Product created.')).toBeVisible();

    await page.goto(checklist);
    await expectStep(page, '2', 'Done', /^PRID-\S+$/);
    const packageName = `Launch ${suffix}`;
    await stepRow(page, '3').getByRole('link', { name: 'New package' }).click();
    await page.getByLabel('Name', { exact: true }).fill(packageName);
    await page.getByLabel('Price the subscriber pays (US$)').fill('9.00');
    await page.locator('#for_account').selectOption({ label: `${account} only` });
    await page.getByRole('button', { name: 'Create package' }).click();
    await expect(page.getByText('Package created.')).toBeVisible();
    for (const price of ['0.50', '1.00']) {
      const add = page.locator('section', { has: page.getByRole('heading', { name: 'Add an item' }) });
      await add.getByLabel('Product', { exact: true }).selectOption({ label: `${sku} — Launch data` });
      await add.getByLabel('Item price (US$)').fill(price);
      await add.getByRole('button', { name: 'Add item' }).click();
      await expect(page.getByText('Item added.')).toBeVisible();
    }
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Items' }) }).locator('tbody tr')).toHaveCount(2);
    await page.goto(checklist);
    await expectStep(page, '3', 'Done', /^PKID-\S+$/);
    await expect(progress(page)).toHaveText('3 of 25 done');

    // Step 4: a message route; step 7 now waits for a number, not the route.
    await stepRow(page, '4').getByRole('link', { name: 'New message route' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Messages ${suffix}`);
    await page.getByLabel('Inbound URL').fill(`https://hooks.example.com/${suffix}/messages`);
    await page.getByRole('button', { name: 'Create route' }).click();
    await expect(page.getByText('Message route saved at Telegent.')).toBeVisible();
    const mrid = (await page.locator('.page-head .id-text').innerText()).trim();
    expect(mrid).toMatch(/^MRID-/);
    await page.goto(checklist);
    await expectStep(page, '4', 'Done', mrid);
    await expect(progress(page)).toHaveText('4 of 25 done');
    await expect(note(page, '7')).toHaveText('No number yet: provision one (it needs the message route).');

    // Step 5: a voice route (a SIP trunk).
    await stepRow(page, '5').getByRole('link', { name: 'New voice route' }).click();
    await page.getByLabel('Name', { exact: true }).fill(`Voice ${suffix}`);
    await page.getByLabel('Trunk 1 IP address').fill('192.0.2.20');
    await page.getByRole('button', { name: 'Create route' }).click();
    await expect(page.getByText('Voice route saved at Telegent.')).toBeVisible();
    const crid = (await page.locator('.page-head .id-text').innerText()).trim();
    expect(crid).toMatch(/^CRID-/);
    await page.goto(checklist);
    await expectStep(page, '5', 'Done', crid);
    await expect(progress(page)).toHaveText('5 of 25 done');

    // Step 6: a subscriber, added as a member of the Account.
    const member = `Mo ${suffix}`;
    await stepRow(page, '6').getByRole('link', { name: 'Members' }).click();
    await settled(page, noJs(testInfo));
    await page.locator('summary', { hasText: 'Add a member' }).click();
    await page.getByLabel('Name', { exact: true }).fill(member);
    await page.getByLabel('E-mail', { exact: true }).fill(`mo.${suffix}@example.com`);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page).toHaveURL(/\/members\/TSUID-[^/?]+\?saved=added$/);
    const tsuid = /\/members\/(TSUID-[^/?]+)/.exec(page.url())![1];
    await page.goto(checklist);
    await expectStep(page, '6', 'Done', tsuid);
    await expect(progress(page)).toHaveText('6 of 25 done');
    await expect(note(page, '9')).toHaveText('Needs a number (7) first.');

    // Step 7: a number provisioned outside the portal (see provisionNumber).
    // The portal learns of it from its copy of Telegent: "Refresh now" reads
    // everything again, at most once a minute per Distributor, so a press
    // refused as too recent is tried again until one starts.
    const line = await provisionNumber(request, aid, tsuid, mrid);
    await expect(async () => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Refresh now' }).click({ timeout: 5_000 });
      await expect(page.getByText('Reading everything from Telegent again.')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [5_000] });
    await expect(async () => {
      await page.goto(checklist);
      await expectStep(page, '7', 'Done', line.id);
    }).toPass({ timeout: 60_000, intervals: [2_000] });
    await expect(note(page, '7')).toContainText(line.msisdn.slice(-4));
    await expect(progress(page)).toHaveText('7 of 25 done');
    await expect(note(page, '9')).toHaveText('No subscription yet: create one for the test number.');

    // Step 9: the subscription, for that existing number, on the package.
    // (The list the checklist links to has no "new" link: the form is
    // reached from a member, here by its address, the member chosen on it.)
    await page.goto(`/subscriptions/new?account=${aid}`);
    await page.getByLabel('Member', { exact: true }).selectOption({ label: member });
    await page.getByRole('button', { name: 'Next' }).click();
    const number = page.getByLabel('Number', { exact: true });
    await expect(number.locator('option')).toHaveCount(1);
    await expect(number.locator('option')).toContainText(line.msisdn.slice(-4));
    await page.getByLabel('Package', { exact: true }).selectOption({ label: `${packageName} — $9.00 / month` });
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await expect(page.getByText('Subscription created')).toBeVisible();
    const sub = /\/subscriptions\/(SUB-[^/?]+)/.exec(page.url())![1];
    await page.goto(checklist);
    await expectStep(page, '9', 'Done', sub);
    await expect(progress(page)).toHaveText('8 of 25 done');

    // Port-in is not part of this launch: marked not in scope, with why.
    const reason = `No porting at launch (${suffix}).`;
    const portIn = page.getByRole('region', { name: 'Port-in — the full lifecycle', exact: true });
    await settled(page, noJs(testInfo));
    await portIn.locator('summary', { hasText: 'Mark Port-in — the full lifecycle not in scope…' }).click();
    await portIn.getByLabel('Why is it not in scope?').fill(reason);
    await portIn.getByRole('button', { name: 'Mark not in scope' }).click();
    await expect(portIn).toContainText(`Not in scope: ${reason} (marked by admin@acme.example`);
    for (const n of ['8a', '8b', '8c', '8d', '8e']) await expectStep(page, n, 'Not in scope');
    await expect(progress(page)).toHaveText('8 of 20 done');
    await expect(portIn.getByRole('button', { name: 'Put Port-in — the full lifecycle back in scope' })).toBeVisible();
    await expectAccessible(page, testInfo);

    // The checklist fits a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(checklist);
    await expect(progress(page)).toHaveText('8 of 20 done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`onboarding-phone-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });

    // A viewer reads the same checklist and routes: the same progress, the
    // reason, and no control to change anything.
    await page.context().clearCookies();
    await signIn(page, 'reviewer@acme.example');
    await page.goto(checklist);
    await expect(progress(page)).toHaveText('8 of 20 done');
    await expectStep(page, '4', 'Done', mrid);
    await expect(page.getByRole('region', { name: 'Port-in — the full lifecycle', exact: true })).toContainText(`Not in scope: ${reason}`);
    await expectNoChecklistControls(page);
    // The steps' "do it" links open forms a viewer is refused: none for them
    // either. (pages.rs `StepsTable` draws each step's link for every role.)
    await expect(page.getByRole('link', { name: /^New (product|package|message route|voice route)$/ })).toHaveCount(0);
    await expectAccessible(page, testInfo);
    await page.goto(`/accounts/${aid}/routes`);
    await expect(page.getByRole('heading', { level: 1, name: 'Routes' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^New (message|voice) route$/ })).toHaveCount(0);
    await page.getByRole('link', { name: `Messages ${suffix}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Messages ${suffix}` })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit route' })).toHaveCount(0);
    await expect(page.locator('summary', { hasText: /^Delete / })).toHaveCount(0);
  });

  test("a viewer reads the Distributor's and an Account's checklist with no control to change them", async ({ page }, testInfo) => {
    await signIn(page, 'reviewer@acme.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Onboarding' }).click();
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Onboarding checklist' })).toBeVisible();
    await expect(page.getByText('Acme Mobile: every Account counts')).toBeVisible();
    await expectNoChecklistControls(page);
    await expectAccessible(page, testInfo);

    // From the Distributor's list of Accounts to the Doe Family's, whose
    // seeded route and members show done.
    await page.getByRole('region', { name: 'Accounts', exact: true }).getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page).toHaveURL(/\/accounts\/AID-[^/]+\/onboarding$/);
    await expect(page.locator('.page-head')).toContainText('Doe Family');
    await expectStep(page, '4', 'Done', /^MRID-\S+$/);
    await expectStep(page, '6', 'Done', /^TSUID-\S+$/);
    await expectNoChecklistControls(page);
    await expectAccessible(page, testInfo);

    // The Account page links to it for a viewer too.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'This account' }).getByRole('link', { name: 'Onboarding' })).toBeVisible();
  });
});
