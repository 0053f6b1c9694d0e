import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

test.describe('Distributor dashboard', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin@acme.example');
  });

  test('lists the seeded accounts of Acme Mobile, and only those', async ({ page }, testInfo) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
    // The seeded two, in name order (other specs add accounts of their own).
    const rows = page.locator('table.data-table tbody tr');
    const names = await rows.locator('td[data-label="Account"]').allInnerTexts();
    const bakery = names.findIndex((n) => n.includes('Bright Bakery LLC'));
    const doe = names.findIndex((n) => n.includes('Doe Family'));
    expect(bakery).toBeGreaterThanOrEqual(0);
    expect(doe).toBeGreaterThan(bakery);
    await expect(rows.filter({ hasText: 'Doe Family' })).toContainText('42 Maple Ave, Provo, UT 84601');
    await expect(page.getByText('Smith Family')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Acme Mobile');
    await expect(page.locator('.topbar .role-badge')).toHaveText('Distributor admin');
    await expectAccessible(page, testInfo);
    await page.screenshot({ path: testInfo.outputPath(`dashboard-desktop-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });
  });

  test('search and sort live in the URL', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByLabel('Search accounts').fill('doe');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\?q=doe/);
    await expect(page.locator('table.data-table tbody tr')).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 account matches “doe”');

    await page.goto('/?sort=-name');
    const names = await page.locator('table.data-table tbody td[data-label="Account"]').allInnerTexts();
    const doe = names.findIndex((n) => n.includes('Doe Family'));
    const bakery = names.findIndex((n) => n.includes('Bright Bakery LLC'));
    expect(doe).toBeGreaterThanOrEqual(0);
    expect(bakery).toBeGreaterThan(doe);
    await expect(page.locator('th[aria-sort="descending"]')).toHaveText('Account');
  });

  test('an account page shows its subscribers with breadcrumbs back', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Doe Family' })).toBeVisible();
    for (const name of ['Jane Doe', 'Sam Doe', 'Lily Doe']) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    }
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Acme Mobile' })).toHaveAttribute('href', '/');
    await expectAccessible(page, testInfo);
  });

  test('unknown addresses get the not-found page', async ({ page }, testInfo) => {
    const response = await page.goto('/accounts/AID-00000000-0000-0000-0000-000000000000');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    const other = await page.goto('/no/such/page');
    expect(other?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Back to your home page' })).toBeVisible();
    await expectAccessible(page, testInfo);
  });

  test('works at phone width without horizontal scrolling', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Doe Family', exact: true })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The navigation is a drawer behind the Menu link, with or without JavaScript.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await page.getByRole('link', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-phone-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });
  });
});
