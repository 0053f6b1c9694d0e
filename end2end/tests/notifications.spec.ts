import { test, expect } from '@playwright/test';
import { expectAccessible, hydrated, noJs, signIn } from './helpers';

// Takeover protection (issue 17), with JavaScript on and off: a Distributor
// admin issues a port-out PIN on a Bright Bakery line; the Account's
// Manager finds a security alert in the notification centre, with the
// count in the menu, and marks it read. Each project takes its own line.

const LINES: Record<string, string> = { js: '13855550111', 'no-js': '13855550110' };

test('a port-out PIN alerts the account\'s Manager, who marks it read', async ({ page, browser }, testInfo) => {
  const line = LINES[testInfo.project.name] ?? LINES.js;
  await signIn(page, 'admin@acme.example');
  await page.goto('/');
  await page.getByRole('link', { name: 'Bright Bakery LLC', exact: true }).first().click();
  const aid = /\/accounts\/(AID-[^/?]+)/.exec(page.url())![1];
  await page.goto(`/accounts/${aid}/lines/${line}`);
  if (!noJs(testInfo)) await hydrated(page);
  const panel = page.getByRole('region', { name: 'Status', exact: true });
  await panel.locator('summary', { hasText: 'Issue a port-out PIN…' }).click();
  await panel.getByLabel('PIN (4 to 10 digits)').fill('314159');
  await panel.getByLabel('Yes, issue the PIN (billed)').check();
  await panel.getByRole('button', { name: 'Issue PIN' }).click();
  await expect(page.getByText('Port-out PIN issued.')).toBeVisible();

  // The Manager, in a browser of their own.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: !noJs(testInfo) });
  const omar = await context.newPage();
  await signIn(omar, 'omar@brightbakery.example');
  await omar.goto('/');
  const link = omar.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Notifications \(\d+ unread\)/ });
  await expect(link).toBeAttached();
  await omar.goto('/notifications');
  const shown = line.slice(-4);
  const alert = omar.locator('li.unread', { hasText: 'A port-out PIN was issued' }).filter({ hasText: shown }).first();
  await expect(alert).toContainText('admin@acme.example');
  await expect(alert).not.toContainText('314159');
  await expectAccessible(omar, testInfo);
  if (!noJs(testInfo)) await hydrated(omar);
  await omar.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(omar.getByText('All read.')).toBeVisible();
  await context.close();
});
