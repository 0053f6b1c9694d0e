import { test, expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, noJs, signIn } from './helpers';

async function navLabels(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents())
    .map((t) => t.trim())
    .filter((t) => t !== 'Close menu')
    // The unread count depends on what other specs did first.
    .map((t) => t.replace(/^Notifications \(\d+ unread\)$/, 'Notifications'));
}

const roles = [
  { email: 'platform@telegent.example', badge: 'Platform admin', heading: 'Distributors', nav: ['Distributors', 'Subscribers', 'Numbers', 'Port-ins', 'Onboarding', 'Catalog', 'Users', 'Audit log', 'Outbox', 'Notifications', 'Profile'] },
  { email: 'admin@acme.example', badge: 'Distributor admin', heading: 'Accounts', nav: ['Accounts', 'Subscribers', 'Numbers', 'Port-ins', 'Subscriptions', 'Onboarding', 'Catalog', 'Users', 'Audit log', 'Outbox', 'Notifications', 'Profile'] },
  { email: 'reviewer@acme.example', badge: 'Distributor viewer', heading: 'Accounts', nav: ['Accounts', 'Subscribers', 'Numbers', 'Port-ins', 'Subscriptions', 'Onboarding', 'Catalog', 'Audit log', 'Notifications', 'Profile'] },
  { email: 'priya@brightbakery.example', badge: 'Account Admin', heading: 'Bright Bakery LLC', nav: ['Account', 'Numbers', 'Catalog', 'Users', 'Audit log', 'Notifications', 'Profile'] },
  { email: 'jane.doe@example.com', badge: 'Manager', heading: 'Doe Family', nav: ['Family', 'Catalog', 'Users', 'Audit log', 'Notifications', 'Profile'] },
  { email: 'sam.doe@example.com', badge: 'Subscriber', heading: 'My lines', nav: ['My lines', 'Profile'] },
];

test.describe('signing in', () => {
  test('signed-out visitors are sent to the sign-in form, and back after it', async ({ page }, testInfo) => {
    await page.goto('/audit?outcome=failed');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.getByLabel('E-mail address').fill('admin@acme.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/audit\?outcome=failed$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  });

  test('a wrong password is explained without saying which part was wrong', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill('admin@acme.example');
    await page.getByLabel('Password', { exact: true }).fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText("don't match");
    await expect(page).toHaveURL(/\/login/);
  });

  for (const role of roles) {
    test(`${role.badge} sees only what the role allows`, async ({ page }, testInfo) => {
      await signIn(page, role.email);
      await expect(page.getByRole('heading', { level: 1, name: role.heading })).toBeVisible();
      await expect(page.locator('.topbar .role-badge')).toHaveText(role.badge);
      expect(await navLabels(page)).toEqual(role.nav);
      if (!role.nav.includes('Users')) {
        const response = await page.goto('/users');
        expect(response?.status()).toBe(403);
        await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      }
      await expectAccessible(page, testInfo);
    });
  }

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/profile');
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login\?signed_out=1/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('tenancy', () => {
  test("a Manager typing another Account's address gets the not-found page", async ({ page }) => {
    // Find the Smith Family's ID as Globex's admin.
    await signIn(page, 'admin@globex.example');
    const href = await page.getByRole('link', { name: 'Smith Family', exact: true }).getAttribute('href');
    expect(href).toMatch(/^\/accounts\/AID-/);
    const bakery = '/accounts/AID-00000000-0000-0000-0000-000000000000';
    await page.context().clearCookies();

    await signIn(page, 'jane.doe@example.com');
    for (const url of [href!, bakery]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByText('Smith')).toHaveCount(0);
    }
  });
});

test.describe('users', () => {
  test('a new user gets a temporary password and must choose their own at first sign-in', async ({ page }, testInfo) => {
    const email = `ava.${testInfo.project.name}@example.com`;
    await signIn(page, 'jane.doe@example.com');
    await page.goto('/users');
    await expectAccessible(page, testInfo);
    const form = page.getByRole('region', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Ava Doe');
    await form.getByLabel('E-mail address').fill(email);
    // A Manager can only add Subscribers.
    await expect(form.getByLabel('Role').locator('option')).toHaveText(['Subscriber']);
    await form.getByRole('button', { name: 'Add user' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Temporary password' });
    await expect(notice).toContainText(`${email} can now sign in.`);
    const temporary = (await notice.locator('code').textContent())!.trim();
    expect(temporary).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    await expect(page.getByRole('cell', { name: new RegExp(email) })).toBeVisible();

    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(temporary);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/password$/);
    await expect(page.getByText('You signed in with a temporary password')).toBeVisible();
    await expectAccessible(page, testInfo);

    // Too short: the message is at the field, and nothing changes.
    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.locator('#new_password-error')).toContainText('at least 12 characters');

    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('purple giraffes dance at noon');
    await page.getByLabel('New password again').fill('purple giraffes dance at noon');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My lines' })).toBeVisible();
  });

  test('the audit log records sign-ins and filters in the URL', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/audit');
    await page.getByLabel('Action').selectOption('SignIn');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/action=SignIn/);
    // The action in words; the filter keeps the code in the URL.
    await expect(page.locator('table.data-table tbody tr').first()).toContainText('Sign in');
    await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /\/audit\.csv\?action=SignIn/);
    await expectAccessible(page, testInfo);
  });
});

test.describe('view as', () => {
  test('an administrator views a Manager portal read-only, with a banner, after giving a reason', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Doe Family' })).toBeVisible();
    await page.getByText("View as this account's Manager…").click();
    await page.getByLabel('Reason (recorded in the audit log)').fill(`Support ticket 4711 (${noJs(testInfo) ? 'no-js' : 'js'})`);
    await page.getByRole('button', { name: 'Start viewing' }).click();
    const banner = page.locator('.view-as-banner');
    await expect(banner).toContainText('Viewing Doe Family as its Manager (read-only).');
    await expect(page.locator('.topbar .role-badge')).toHaveText('Distributor admin viewing as Manager');
    await page.goto('/audit');
    await expect(banner).toBeVisible();
    await expectAccessible(page, testInfo);
    await banner.getByRole('button', { name: 'Stop viewing' }).click();
    await expect(page.locator('.view-as-banner')).toHaveCount(0);
    await expect(page.locator('.topbar .role-badge')).toHaveText('Distributor admin');
  });
});
