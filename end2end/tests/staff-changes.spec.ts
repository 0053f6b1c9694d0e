import { test, expect } from '@playwright/test';
import { expectAccessible, signIn } from './helpers';

// Distributor staff create Accounts, a Manager and members (one with a
// spare line, found by its typed number), change a role, and move a person
// between Accounts, with
// JavaScript on and off (the no-js project): every field's message at once,
// a confirmation saying what moves, counts that follow at once. Names carry
// the project and a random suffix: both projects share one portal.
test.describe('Staff changes', () => {
  async function createAccount(page: import('@playwright/test').Page, name: string) {
    await page.goto('/');
    await page.getByRole('link', { name: 'New account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New account' })).toBeVisible();
    await page.getByLabel('Account name').fill(name);
    await page.getByLabel("Manager's e-mail").fill('contact@example.com');
    await page.locator('#billing_street1').fill('12 Main St');
    await page.locator('#billing_city').fill('Provo');
    await page.locator('#billing_zip').fill('84601');
    await page.locator('#billing_country').fill('USA');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/accounts\/AID-[^/?]+\?saved=created$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('Account created.')).toBeVisible();
  }

  test('an admin creates two accounts, adds a member, finds them and moves them', async ({ page }, testInfo) => {
    const suffix = `${testInfo.project.name}-${Math.random().toString(36).slice(2, 7)}`;
    await signIn(page, 'admin@acme.example');

    // A refused form names every wrong field and keeps what was typed. (Blanks
    // are what the browser's own `required` check stops; spaces and a street
    // too long get through it and are the server's to refuse.)
    await page.goto('/accounts/new');
    await page.getByLabel('Account name').fill(`Rivera ${suffix}`);
    await page.getByLabel("Manager's e-mail").fill('contact@example.com');
    await page.locator('#billing_street1').fill('x'.repeat(101));
    await page.locator('#billing_city').fill(' ');
    await page.locator('#billing_zip').fill(' ');
    await page.locator('#billing_country').fill('USA');
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('Check these 3 fields');
    await expect(summary).toContainText('Billing street: Use at most 100 characters.');
    await expect(summary).toContainText('Billing city: Enter the city.');
    await expect(summary).toContainText('Billing postal code');
    await expect(page.getByLabel('Account name')).toHaveValue(`Rivera ${suffix}`);
    await expect(page.locator('#billing_country')).toHaveValue('USA');
    await expectAccessible(page, testInfo);

    await createAccount(page, `Rivera ${suffix}`);
    const rivera = page.url().split('?')[0];
    await createAccount(page, `Ortega ${suffix}`);
    const ortega = page.url().split('?')[0];

    // A Manager for Rivera, through Users (the Account chosen already by the link).
    await page.goto(rivera);
    await page.locator('p.hint').getByRole('link', { name: 'Users' }).click();
    const newUser = page.locator('section', { has: page.getByRole('heading', { name: 'Add a user' }) });
    await newUser.getByLabel('Name', { exact: true }).fill(`Mara ${suffix}`);
    await newUser.getByLabel('E-mail address').fill(`mara.${suffix}@example.com`);
    await newUser.getByLabel('Role', { exact: true }).selectOption({ label: 'Manager' });
    await expect(newUser.getByLabel('Account', { exact: true })).toHaveValue(rivera.split('/').pop()!);
    await newUser.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByText(`mara.${suffix}@example.com can now sign in.`)).toBeVisible();

    // A member in Rivera, found by e-mail through the global search.
    await page.goto(rivera);
    await page.locator('summary', { hasText: 'Add a member' }).click();
    const email = `ana.${suffix}@example.com`;
    await page.getByLabel('Name', { exact: true }).fill(`Ana ${suffix}`);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page).toHaveURL(/saved=added/);
    const box = page.getByRole('searchbox', { name: 'Find an account, subscriber or number' });
    await box.fill(email);
    await box.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ana ${suffix}`);

    // Move her: find Ortega, read what moves, confirm.
    await page.getByLabel('Find the account', { exact: true }).fill(`Ortega ${suffix}`);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByRole('heading', { level: 3, name: `Move Ana ${suffix} to Ortega ${suffix}` })).toBeVisible();
    await expect(page.locator('#transfer').getByText('They have no lines.')).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.getByRole('button', { name: `Move Ana ${suffix}` }).click();
    await expect(page.locator('.error-summary')).toContainText('Tick the box to confirm the move.');
    await page.getByLabel(`Yes, move Ana ${suffix} to Ortega ${suffix}`).check();
    await page.getByRole('button', { name: `Move Ana ${suffix}` }).click();
    await expect(page.getByText('Moved to this account, with their lines.')).toBeVisible();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: `Ortega ${suffix}` })).toBeVisible();

    // The counts followed at once.
    await page.goto(ortega);
    const facts = page.locator('dl.facts');
    await expect(facts.locator('dt:has-text("Subscribers") + dd')).toHaveText('1');
    await page.goto(rivera);
    await expect(page.locator('dl.facts').locator('dt:has-text("Subscribers") + dd')).toHaveText('1');
    await expect(page.getByRole('link', { name: 'Edit account' })).toBeVisible();

    // The account form fits a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('link', { name: 'Edit account' }).click();
    await expect(page.getByLabel('Account name')).toHaveValue(`Rivera ${suffix}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, testInfo);
  });

  test('staff add a person with a spare line, find them by the typed number and make them a Manager', async ({ page }, testInfo) => {
    const suffix = `${testInfo.project.name}-${Math.random().toString(36).slice(2, 7)}`;
    // The demo's Bright Bakery has two spare SIMs: one for each project.
    const spare = testInfo.project.name === 'js' ? '0114' : '0115';
    const name = `Kai ${suffix}`;
    await signIn(page, 'admin@acme.example');
    await page.goto('/search?q=Bright+Bakery');
    await page.getByRole('link', { name: 'Bright Bakery LLC', exact: true }).first().click();
    await page.locator('summary', { hasText: 'Add a member' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-mail', { exact: true }).fill(`kai.${suffix}@example.com`);
    await page.getByLabel('Phone numbers (optional)').fill(`(385) 555-${spare}`);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page).toHaveURL(/saved=added$/);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('link', { name: `+1 (385) 555-${spare}` })).toBeVisible();

    // Found by the number typed another way: the line, and who holds it.
    const box = page.getByRole('searchbox', { name: 'Find an account, subscriber or number' });
    await box.fill(`385.555.${spare}`);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/lines/1385555${spare}$`));
    await expect(page.locator('.page-head')).toContainText(name);

    // A second Manager is warned about, then made.
    await page.getByRole('searchbox', { name: 'Find an account, subscriber or number' }).fill(`kai.${suffix}@example.com`);
    await page.getByRole('searchbox', { name: 'Find an account, subscriber or number' }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByLabel('Role', { exact: true }).selectOption('Manager');
    await page.getByRole('button', { name: 'Change role' }).click();
    await expect(page.locator('.error-summary')).toContainText('already has a Manager');
    await expectAccessible(page, testInfo);
    await page.getByLabel('Yes, this account will have two Managers').check();
    await page.getByLabel('Role', { exact: true }).selectOption('Manager');
    await page.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByText('Role changed.')).toBeVisible();
    await expect(page.locator('.page-head .role-badge')).toHaveText('Manager');
  });

  test('a viewer sees the accounts and members but no control to change them', async ({ page }) => {
    await signIn(page, 'reviewer@acme.example');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New account' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Doe Family', exact: true }).first().click();
    await expect(page.getByRole('link', { name: 'Edit account' })).toHaveCount(0);
    await page.goto('/search?q=jane.doe%40example.com');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jane Doe');
    await expect(page.getByRole('heading', { name: 'Move to another account' })).toHaveCount(0);
    // The new-account page itself is refused.
    const refused = await page.goto('/accounts/new');
    expect(refused?.status()).toBe(403);
  });
});
