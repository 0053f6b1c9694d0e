import { test, expect, Page } from '@playwright/test';
import { expectAccessible, hydrated, noJs, signIn } from './helpers';

// A line's status (issue 17, first part), with JavaScript on and off: a
// Distributor admin suspends a line after a confirmation that says what it
// means (an unticked box is refused), restores it, issues a port-out PIN,
// and is then refused a suspension while the port-out is in flight. Each
// project takes its own Bright Bakery device line: a port-out stays open
// for a day of the sandbox's clock, and both projects share one portal.

const LINES: Record<string, string> = { js: '13855550112', 'no-js': '13855550113' };

/** Opens the confirmation step `summary` unless a refusal left it open. */
async function openStep(page: Page, summary: string) {
  const details = page.getByRole('region', { name: 'Status', exact: true }).locator('details', { has: page.locator('summary', { hasText: summary }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

test.describe('Line status', () => {
  test('an admin suspends and restores a line, issues a port-out PIN, and may not suspend it then', async ({ page }, testInfo) => {
    const line = LINES[testInfo.project.name] ?? LINES.js;
    await signIn(page, 'admin@acme.example');
    await page.goto('/');
    await page.getByRole('link', { name: 'Bright Bakery LLC', exact: true }).first().click();
    await expect(page).toHaveURL(/\/accounts\/AID-[^/?]+/);
    const aid = /\/accounts\/(AID-[^/?]+)/.exec(page.url())![1];
    await page.goto(`/accounts/${aid}/lines/${line}`);
    const panel = page.getByRole('region', { name: 'Status', exact: true });
    await expect(panel.locator('.status').first()).toHaveText('Active');
    // What Telegent knows of the line, and for staff the eSIM activation as a
    // QR code drawn on the server, with its text to copy.
    const details = page.getByRole('region', { name: 'Line details', exact: true });
    await expect(details).toContainText('Classification');
    await expect(details.getByRole('img', { name: 'QR code of the eSIM activation' })).toBeVisible();
    await expect(details.getByLabel('Activation code (to copy)')).toHaveValue(/activate\//);
    if (!noJs(testInfo)) await hydrated(page);

    // Suspend: what it means is said first; without the ticked box, nothing.
    await openStep(page, 'Suspend…');
    await expect(panel).toContainText('keeps its number and SIM');
    await panel.getByRole('button', { name: 'Suspend', exact: true }).click();
    await expect(page.getByText('Tick the box to confirm.').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Status', exact: true }).locator('.status').first()).toHaveText('Active');
    const again = page.getByRole('region', { name: 'Status', exact: true });
    await openStep(page, 'Suspend…');
    await again.getByLabel('Yes, suspend this line').check();
    await again.getByRole('button', { name: 'Suspend', exact: true }).click();
    await expect(page.getByText('Line suspended: it keeps its number and SIM.')).toBeVisible();
    await expect(panel.locator('.status').first()).toHaveText('Parked');
    await expectAccessible(page, testInfo);

    // Restore.
    if (!noJs(testInfo)) await hydrated(page);
    await openStep(page, 'Restore…');
    await panel.getByLabel('Yes, restore this line').check();
    await panel.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText('Line restored.')).toBeVisible();
    await expect(panel.locator('.status').first()).toHaveText('Active');

    // The port-out PIN: digits only, then issued (billed once).
    if (!noJs(testInfo)) await hydrated(page);
    await openStep(page, 'Issue a port-out PIN…');
    await panel.getByLabel('PIN (4 to 10 digits)').fill('12');
    await panel.getByLabel('Yes, issue the PIN (billed)').check();
    await panel.getByRole('button', { name: 'Issue PIN' }).click();
    await expect(page.getByText('Enter 4 to 10 digits.').first()).toBeVisible();
    const retry = page.getByRole('region', { name: 'Status', exact: true });
    await openStep(page, 'Issue a port-out PIN…');
    await retry.getByLabel('PIN (4 to 10 digits)').fill('481516');
    await retry.getByLabel('Yes, issue the PIN (billed)').check();
    await retry.getByRole('button', { name: 'Issue PIN' }).click();
    await expect(page.getByText('Port-out PIN issued.')).toBeVisible();
    await expect(panel).toContainText('A port-out is in flight');
    await expect(panel.locator('summary', { hasText: 'Issue a port-out PIN…' })).toHaveCount(0);

    // While it is in flight the line is not suspended: the refusal says why.
    if (!noJs(testInfo)) await hydrated(page);
    await openStep(page, 'Suspend…');
    await panel.getByLabel('Yes, suspend this line').check();
    await panel.getByRole('button', { name: 'Suspend', exact: true }).click();
    await expect(page.getByText(/A port-out of this number is in flight/).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Status', exact: true }).locator('.status').first()).toHaveText('Active');

    // The panel fits a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/accounts/${aid}/lines/${line}`);
    await expect(panel.locator('.status').first()).toHaveText('Active');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a viewer sees the status and no control to change it', async ({ page }, testInfo) => {
    await signIn(page, 'reviewer@acme.example');
    await page.goto('/');
    await page.getByRole('link', { name: 'Doe Family', exact: true }).first().click();
    const aid = /\/accounts\/(AID-[^/?]+)/.exec(page.url())![1];
    await page.goto(`/accounts/${aid}/lines/18015550101`);
    const panel = page.getByRole('region', { name: 'Status', exact: true });
    await expect(panel.locator('.status').first()).toHaveText('Active');
    await expect(panel.locator('summary')).toHaveCount(0);
    // The activation code installs the eSIM: not for a viewer.
    await expect(page.getByRole('img', { name: 'QR code of the eSIM activation' })).toHaveCount(0);
    await expectAccessible(page, testInfo);
  });
});
