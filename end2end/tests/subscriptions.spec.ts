import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

// Subscriptions (issue 16), with JavaScript on and off: an admin cancels a
// line's subscription (the consequences said first, a box to tick), then
// bills the line again from the member's page, choosing the member, the
// number and the package; a viewer reads with no control. Each project
// works on its own member (both share one portal) and leaves the line on
// Family Unlimited, as the demo has it.
test.describe('Subscriptions', () => {
  test('an admin cancels a subscription and bills the line again', async ({ page }, testInfo) => {
    const member = noJs(testInfo) ? 'Lily Doe' : 'Sam Doe';
    await signIn(page, 'admin@acme.example');
    await page.getByRole('link', { name: 'Subscriptions' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
    await expectAccessible(page, testInfo);

    await page.getByRole('link', { name: member, exact: true }).first().click();
    await expect(page.locator('table.data-table tbody tr')).toHaveCount(1);
    await page.locator('table.data-table tbody tr a.id-text').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Subscription for');
    await page.locator('summary', { hasText: 'Cancel this subscription' }).click();
    await expect(page.getByText('Its ICCID becomes free to use on another subscription.')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect(page.locator('.error-summary')).toContainText('Tick the box to confirm.');
    await page.getByLabel('Yes, cancel this subscription').check();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect(page.getByText(/cancelled: its recurring charges stop/)).toBeVisible();

    // Billed again, from the member's page.
    await page.goto('/');
    await page.getByRole('link', { name: 'Doe Family', exact: true }).first().click();
    await page.getByRole('link', { name: member, exact: true }).first().click();
    await page.getByRole('link', { name: 'Add a subscription' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New subscription' })).toBeVisible();
    await page.getByLabel('Number', { exact: true }).selectOption({ index: 0 });
    await page.getByLabel('Package', { exact: true }).selectOption({ label: 'Family Unlimited — $25.00 / month' });
    await expectAccessible(page, testInfo);
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await expect(page.getByText('Subscription created')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Family Unlimited' })).toBeVisible();

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/subscriptions');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`subscriptions-phone-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });
  });

  test('a viewer reads subscriptions with no control to change them', async ({ page }, testInfo) => {
    await signIn(page, 'reviewer@acme.example');
    await page.goto('/subscriptions');
    await page.locator('table.data-table tbody tr a.id-text').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Subscription for');
    await expect(page.getByRole('button', { name: /Change package|Cancel subscription/ })).toHaveCount(0);
    await expectAccessible(page, testInfo);
  });
});
