import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, noJs, signIn } from './helpers';

// Numbers (issue 17), with JavaScript on and off: the inventory with its
// filters in the URL, and the provisioning wizard end to end — each step a
// page, a refusal at its field, one confirmed order, and the result with
// the number, its NID and the eSIM QR code.

test.describe('Numbers', () => {
  test('the inventory filters by type and fits a phone', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Numbers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Numbers' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /801.*555.*0101/ }).first()).toBeVisible();
    if (!noJs(testInfo)) await hydrated(page);
    await page.getByLabel('Type', { exact: true }).selectOption('iot');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/kind=iot/);
    const types = page.locator('td[data-label="Type"]');
    await expect(types.first()).toHaveText('IoT');
    for (const text of await types.allTextContents()) expect(text).toBe('IoT');
    await expect(page.locator('td[data-label="Number"]', { hasText: /385.*555.*0111/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /numbers\.csv\?kind=iot/);
    await expectAccessible(page, testInfo);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await expect(types.first()).toHaveText('IoT');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the wizard orders a number once and shows its QR code', async ({ page }, testInfo) => {
    await signIn(page, 'admin@acme.example');
    await page.goto('/numbers');
    await page.getByRole('link', { name: 'Provision a number' }).click();
    await expect(page.getByRole('navigation', { name: 'Steps' })).toContainText('1. What kind of line');

    // Step 1: IoT with a2p is refused at its field, with the reason.
    await page.getByLabel('IoT').check();
    await page.getByLabel('Application-to-person (a2p)').check();
    await page.getByLabel('Data', { exact: true }).check();
    await page.getByRole('button', { name: 'Next: where' }).click();
    await expect(page.getByText(/IoT lines are person-to-person \(p2p\) only/)).toBeVisible();
    await page.getByLabel('MVNO').check();
    await page.getByLabel('Person-to-person (p2p)').check();
    await page.getByLabel('SMS', { exact: true }).check();
    await page.getByRole('button', { name: 'Next: where' }).click();

    // Step 2: search an area code, choose an area.
    await page.getByLabel('Area code or ZIP code').fill('801');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('input[name="pick"]').first().check();
    await page.getByRole('button', { name: 'Next: who and how' }).click();

    // Step 3: the Account, then its person and route.
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Doe Family' });
    await page.getByRole('button', { name: 'Choose' }).click();
    await page.getByLabel('Jane Doe').check();
    await page.getByLabel('Message route').selectOption({ index: 1 });
    await expectAccessible(page, testInfo);
    await page.getByRole('button', { name: 'Next: review' }).click();

    // Step 4: the review says it is billed; unconfirmed, nothing is ordered.
    await expect(page.getByText('It is billed to the Distributor')).toBeVisible();
    await expect(page.locator('dl.facts')).toContainText('Sms+Data');
    if (!noJs(testInfo)) await hydrated(page);
    await page.getByRole('button', { name: 'Order the number' }).click();
    await expect(page.getByText('Tick the box to confirm the order.').first()).toBeVisible();
    await page.getByLabel('I confirm this billed order.').check();
    await page.getByRole('button', { name: 'Order the number' }).click();

    // The result: the number, its NID, the eSIM QR code with its text.
    await expect(page.getByRole('heading', { name: 'Number ready' })).toBeVisible();
    const result = page.getByRole('region', { name: 'Number ready' });
    await expect(result.getByRole('img', { name: 'QR code of the eSIM activation' })).toBeVisible();
    await expect(result.getByLabel('Activation code (to copy)')).toHaveValue(/^LPA:1\$/);
    await expect(result).toContainText('NID-');
    await expectAccessible(page, testInfo);
    const number = (await result.getByRole('link', { name: /801/ }).first().textContent())!.trim();

    // Listed at once in the inventory, with its person.
    await page.goto(`/numbers?q=${encodeURIComponent(number)}`);
    await expect(page.getByRole('cell', { name: 'Jane Doe' })).toBeVisible();
  });
});
