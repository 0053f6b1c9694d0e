import { test, expect, Page } from '@playwright/test';
import { expectAccessible, GLOBEX, noJs, signIn, storeRawLimit } from './helpers';

// What people found using the pages (issue 12): refused forms say so in an
// error summary that takes the focus, the theme is remembered, a member can
// be removed, and nothing scrolls sideways on a 360 px phone.

/** How far the page scrolls sideways; on failure the message names what sticks out. */
async function sidewaysOverflow(page: Page): Promise<number> {
  const [overflow, culprits] = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}#${e.id}`);
    return [document.documentElement.scrollWidth - width, wide] as [number, string[]];
  });
  if (overflow > 0) console.log(`${page.url()} overflows by ${overflow}px: ${culprits.join(', ')}`);
  return overflow;
}

test.describe('everyday', () => {
  test('a refused form focuses an announced error summary that links to each field', async ({ page }, testInfo) => {
    await signIn(page, 'jane.doe@example.com');
    await page.getByRole('link', { name: 'Set data limits' }).click();
    await page.getByLabel(/555-0103/).check();
    await page.getByLabel('Unit').selectOption('GB');
    // Far past what the platform holds, and a warning above the block amount.
    await page.getByLabel('Block data at').fill('99999999999999');
    await page.getByLabel('Warn at (optional)').fill('5');
    await page.getByRole('button', { name: 'Save limits' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Check' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /Block data at: .*at most 1,048,576 MB/ })).toBeVisible();
    await expect(page.locator('#limit-error')).toContainText('at most');
    // Focus is on the summary (autofocus without JavaScript, the bundle with it).
    await expect(page.locator('.error-summary')).toHaveAttribute('autofocus', '');
    if (!noJs(testInfo)) {
      await expect(page.locator('.error-summary')).toBeFocused();
    }
    // What was typed is back.
    await expect(page.getByLabel('Block data at')).toHaveValue('99999999999999');
    await expectAccessible(page, testInfo);
    await summary.getByRole('link', { name: /Block data at/ }).click();
    await expect(page).toHaveURL(/#limit$/);
  });

  test('a line whose data cannot be read shows it on its own card; the page works and new limits repair it', async ({ page, request }, testInfo) => {
    await storeRawLimit(request, GLOBEX.key, GLOBEX.secret, '+15125550121', 1e17);
    await signIn(page, 'john.smith@example.com');
    // Setting another line's limits works meanwhile (and makes the portal
    // read the family afresh).
    await page.getByRole('link', { name: 'Set data limits' }).click();
    await page.getByLabel(/555-0120/).check();
    await page.getByLabel('Block data at').fill('900');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for 1 line' })).toBeVisible();
    await page.getByRole('link', { name: 'Smith Family', exact: true }).click();
    await expect(page.getByText(/555-0121: Telegent's data settings for it cannot be read/)).toBeVisible();
    await expect(page.getByText(/in a form the portal cannot read/)).toBeVisible();
    // The rest of the family reads as usual.
    await expect(page.getByRole('heading', { level: 3, name: 'John Smith' })).toBeVisible();
    await expectAccessible(page, testInfo);
    // The alert links to the repair.
    await page.getByRole('link', { name: 'Change its limits' }).first().click();
    await expect(page.getByLabel(/555-0121/)).toBeChecked();
    await page.getByLabel('Block data at').fill('2048');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for 1 line' })).toBeVisible();
    await page.getByRole('link', { name: 'Smith Family', exact: true }).click();
    await expect(page.getByText(/cannot be read/)).toHaveCount(0);
  });

  test('the theme is remembered across pages, with and without JavaScript', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await signIn(page, 'jane.doe@example.com');
    await expect(page.getByRole('button', { name: 'Light theme' })).toBeHidden();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('link', { name: 'Set data limits' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });

  test('a Manager removes a member after a confirmation that says what happens; a long name never widens the page', async ({ page }, testInfo) => {
    const mode = noJs(testInfo) ? 'nojs' : 'js';
    // One unbroken 100-character name: it must wrap, not push the page sideways.
    const name = `Temporary${mode}`.padEnd(100, 'x');
    await signIn(page, 'jane.doe@example.com');
    await page.getByText('Add a member').click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-mail', { exact: true }).fill(`temporary.${mode}@example.com`);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await sidewaysOverflow(page), 'member page at 360 px').toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    expect(await sidewaysOverflow(page), 'family overview at 360 px').toBeLessThanOrEqual(0);
    // Lily's Guardian page offers the new member as a guardian: still no overflow.
    await page.getByRole('link', { name: /AI Guardian settings for Lily/ }).click();
    expect(await sidewaysOverflow(page), 'Guardian page with a long name at 360 px').toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    await page.getByRole('link', { name, exact: true }).click();

    const removal = page.getByRole('region', { name: 'Remove from this account' });
    await removal.getByText(/^Remove Temporary/).click();
    await expect(removal.getByText('They have no lines.')).toBeVisible();
    await expect(removal.getByText(/AI Guardian settings are deleted/)).toBeVisible();
    // Not ticked: refused, nothing removed.
    await removal.getByRole('button', { name: 'Remove member' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Tick the box' })).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.getByLabel(/^Yes, remove Temporary/).check();
    await page.getByRole('button', { name: 'Remove member' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was removed from this account' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name })).toHaveCount(0);
  });

  test('nothing scrolls sideways at 360 px on any page', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'jane.doe@example.com');
    const family = new URL(page.url()).pathname;
    const jane = [family, `${family}/limits`, `${family}/lines/18015550103`, '/audit', '/profile', '/password'];
    for (const path of jane) {
      await page.goto(path);
      expect(await sidewaysOverflow(page), `${path} at 360 px`).toBeLessThanOrEqual(0);
    }
    await page.goto(family);
    await page.getByRole('link', { name: 'Lily Doe', exact: true }).click();
    expect(await sidewaysOverflow(page), 'member page at 360 px').toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: /AI Guardian settings for Lily/ }).click();
    expect(await sidewaysOverflow(page), 'Guardian page at 360 px').toBeLessThanOrEqual(0);

    await page.context().clearCookies();
    await signIn(page, 'admin@acme.example');
    for (const path of ['/', '/users', '/audit', '/outbox']) {
      await page.goto(path);
      expect(await sidewaysOverflow(page), `${path} as staff at 360 px`).toBeLessThanOrEqual(0);
    }
    await page.context().clearCookies();
    await signIn(page, 'platform@telegent.example');
    for (const path of ['/distributors', '/users', '/audit']) {
      await page.goto(path);
      expect(await sidewaysOverflow(page), `${path} as platform admin at 360 px`).toBeLessThanOrEqual(0);
    }
  });
});
