import { test, expect, Browser, Page, TestInfo } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

// Each run works on users of its own (one per project and test), so the demo
// users' passwords stay what the other specs sign in with.
const NEW_PASSWORD = 'a kettle of hawks over the river';

/** Adds a Subscriber to Bright Bakery LLC as Acme's admin (left signed in)
 * and returns their temporary password. */
async function addUser(page: Page, name: string, email: string): Promise<string> {
  await signIn(page, 'admin@acme.example');
  await page.goto('/users');
  const form = page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-mail address').fill(email);
  // The least powerful role is the default; the Account is picked by name.
  await expect(form.getByLabel('Role')).toHaveValue('Subscriber');
  await form.getByLabel('Account', { exact: true }).selectOption({ label: 'Bright Bakery LLC' });
  await form.getByRole('button', { name: 'Add user' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Temporary password' });
  await expect(notice).toContainText(`${email} can now sign in.`);
  return (await notice.locator('code').textContent())!.trim();
}

/** The reset link of the newest mail to `email`, read on the outbox page. */
async function linkFromOutbox(page: Page, email: string, testInfo: TestInfo): Promise<string> {
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await page.getByLabel('Recipient').fill(email);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/outbox\?to=/);
  const mail = page.locator('.mail-card').filter({ hasText: email }).first();
  await expect(mail.getByRole('heading', { level: 2 })).toHaveText('Choose a new password for Telegent Portal');
  await expect(mail).toContainText('Not sent (no mail server)');
  const href = await mail.getByRole('link', { name: /\/password\/reset\?token=/ }).getAttribute('href');
  expect(href).toMatch(/\/password\/reset\?token=[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page, testInfo);
  const url = new URL(href!);
  return url.pathname + url.search;
}

/** Another browser of the same kind (JavaScript on or off) for a second person. */
async function secondBrowser(browser: Browser, baseURL: string | undefined, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: !noJs(testInfo) });
  return context.newPage();
}

test.describe('forgot password', () => {
  test('a link from the outbox sets a new password once, and unknown addresses get the same answer', async ({ page }, testInfo) => {
    const email = `rita.${testInfo.project.name}@example.com`;
    await addUser(page, 'Rita Reset', email);
    await page.context().clearCookies();

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/password\/forgot$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page).toHaveURL(/\/password\/forgot\?sent=1$/);
    const answer = page.locator('.auth-card [role="status"]');
    await expect(answer).toContainText('If that address has an account, we sent a link to it.');
    const said = await answer.textContent();

    // An address nobody signs in with: the very same page.
    const nobody = `nobody.${testInfo.project.name}@example.com`;
    await page.goto('/password/forgot');
    await page.getByLabel('E-mail address').fill(nobody);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page).toHaveURL(/\/password\/forgot\?sent=1$/);
    await expect(answer).toHaveText(said!);

    // Acme's admin reads what would have been mailed (no mail server here).
    await signIn(page, 'admin@acme.example');
    const link = await linkFromOutbox(page, email, testInfo);
    await page.goto(`/outbox?to=${encodeURIComponent(nobody)}`);
    await expect(page.getByText(`No mail to an address with “${nobody}”.`)).toBeVisible();
    await page.context().clearCookies();

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page.locator('.auth-card')).toContainText(`For ${email}.`);
    await expectAccessible(page, testInfo);
    // Two different passwords: said at the field, and the link still works.
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill('something else entirely');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.locator('#confirm_password-error')).toContainText('The two passwords differ.');
    await expect(page.getByLabel('New password again')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.locator('.auth-card [role="status"]')).toContainText('Your new password is saved');

    await signIn(page, email, NEW_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'My lines' })).toBeVisible();

    // Once only.
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('This link no longer works');
    await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  });

  test('staff send a reset link and end all sessions, each after confirming', async ({ page, browser, baseURL }, testInfo) => {
    const name = `Rudy Reset ${testInfo.project.name}`;
    const email = `rudy.${testInfo.project.name}@example.com`;
    const temporary = await addUser(page, name, email);

    // Rudy signs in elsewhere (with the temporary password).
    const rudy = await secondBrowser(browser, baseURL, testInfo);
    await signIn(rudy, email, temporary);
    await expect(rudy).toHaveURL(/\/password$/);

    await page.goto(`/users?q=${encodeURIComponent(email)}`);
    const row = page.getByRole('row').filter({ hasText: email });
    await expectAccessible(page, testInfo);
    // Nothing happens on the first press: the confirm step opens.
    await row.locator('summary', { hasText: 'Send reset link…' }).click();
    await row.getByRole('button', { name: `Send reset link to ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Reset link sent.' })).toBeVisible();
    await expect(page).toHaveURL(/done=reset-sent/);
    await page.getByRole('link', { name: 'See it in the outbox' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    await expect(page.locator('.mail-card').filter({ hasText: email }).first()).toContainText('Alex Acme, an administrator');

    await page.goto(`/users?q=${encodeURIComponent(email)}`);
    await row.locator('summary', { hasText: 'End all sessions…' }).click();
    await row.getByRole('button', { name: `End sessions of ${name}` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Every session of theirs has ended' })).toBeVisible();
    // Rudy's browser is signed out at once.
    await rudy.goto('/password');
    await expect(rudy).toHaveURL(/\/login/);
    await rudy.context().close();
  });
});
