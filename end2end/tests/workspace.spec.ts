import { test, expect } from '@playwright/test';
import * as fs from 'fs';
import { expectAccessible, hydrated, noJs, signIn } from './helpers';

// The Distributor staff workspace on the read model: the home with its
// counts and what needs action, global search, the subscribers list and
// the CSV exports; the same with JavaScript off (the no-js project).
test.describe('Staff workspace', () => {
  test('the home shows counts, how current they are, and the accounts list', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/');
    const stats = page.locator('dl.stats');
    await expect(stats.locator('.stat').filter({ hasText: 'Accounts' }).locator('dd')).toHaveText(/^\d+$/);
    await expect(stats.locator('.stat').filter({ hasText: 'Subscribers' })).toBeVisible();
    await expect(page.getByText(/A copy of Telegent's data, as of/)).toBeVisible();
    // Another spec may have asked for a refresh in the last minute (at most one a minute).
    await expect(
      page.getByRole('button', { name: 'Refresh now' }).or(page.getByText('it can be asked for again shortly')),
    ).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Lines' })).toBeVisible();
    await expectAccessible(page, testInfo);
  });

  test('global search finds a subscriber by a typed number and by e-mail', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/');
    const box = page.getByRole('searchbox', { name: 'Find an account, subscriber or number' });
    await box.fill('(801) 555-0102');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/accounts\/AID-[^/]+\/lines\/18015550102$/);

    await page.getByRole('searchbox', { name: 'Find an account, subscriber or number' }).fill('jane.doe@example.com');
    await page.getByRole('searchbox', { name: 'Find an account, subscriber or number' }).press('Enter');
    await expect(page).toHaveURL(/\/accounts\/AID-[^/]+\/members\/TSUID-/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jane Doe');

    await page.goto('/search?q=doe');
    await expect(page.getByRole('heading', { level: 2, name: /Accounts/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Subscribers/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sam Doe' })).toBeVisible();
    // Nothing of Globex Wireless (other specs add Doe members with other surnames).
    await expect(page.getByText('Smith Family')).toHaveCount(0);
    await expect(page.getByText('john.smith@example.com')).toHaveCount(0);
    await expectAccessible(page, testInfo);
  });

  test('the / key puts the cursor in the search box', async ({ page }, testInfo) => {
    test.skip(noJs(testInfo), 'a keyboard shortcut needs JavaScript');
    await signIn(page, 'admin@acme.example');
    await page.goto('/');
    await hydrated(page);
    await page.locator('body').press('/');
    await expect(page.locator('#global-search')).toBeFocused();
  });

  test('the subscribers list filters by role, exports what it shows and fits a phone', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/subscribers');
    await expect(page.getByRole('heading', { level: 1, name: 'Subscribers' })).toBeVisible();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link', { name: 'Acme Mobile' })).toHaveAttribute('href', '/');
    await page.getByLabel('Role').selectOption('Manager');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/role=Manager/);
    const rows = page.locator('table.data-table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await expect(rows.nth(i).locator('td[data-label="Role"]')).toHaveText('Manager');
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('subscriber_id,name,email,role,account_id,account,numbers');
    expect(csv.length - 1).toBe(count);
    expect(csv.slice(1).every((line) => line.includes(',Manager,'))).toBe(true);
    await expectAccessible(page, testInfo);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/subscribers');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`subscribers-phone-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });
  });

  test('a viewer reads everything of the Distributor and a forged change is refused', async ({ page }, testInfo) => {
    await signIn(page, 'reviewer@acme.example');
    await page.goto('/subscribers');
    await expect(page.getByRole('link', { name: 'Jane Doe' })).toBeVisible();
    await page.goto('/');
    await expect(page.locator('table.data-table tbody tr').filter({ hasText: 'Doe Family' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Add|Remove|Save/ })).toHaveCount(0);
    const doe = await page.getByRole('link', { name: 'Doe Family', exact: true }).first().getAttribute('href');
    const accountId = doe!.split('/').pop()!;
    const forged = await page.request.post('/api/members/add', {
      form: { account_id: accountId, name: 'Forged Person', email: 'forged@example.com' },
      headers: { accept: 'application/json', origin: new URL(page.url()).origin },
    });
    expect(forged.status()).toBe(403);
    await expectAccessible(page, testInfo);
  });
});
