import { test, expect, Page } from '@playwright/test';
import { advanceSandboxClock, expectAccessible, hydrated, noJs, signIn } from './helpers';

// The port-in cockpit (issue 17), with JavaScript on and off: an ineligible
// number is stopped before any detail is asked; an eligible one gets a
// draft, is submitted with the carrier's details and the letter of
// authorization, is rejected as correctable after an hour of the sandbox's
// clock (the reason at its field), corrected, and completes a day later.
// These projects run after every other spec: they move the sandbox's clock.

// Numbers ending in 7 are rejected as correctable by the sandbox; 9 is not eligible.
const NUMBERS: Record<string, string> = { 'porting-js': '3855550167', 'porting-no-js': '3855550177' };

/** "Check the status now", after the 5 s the cockpit waits between two checks. */
async function checkNow(page: Page) {
  await page.waitForTimeout(5_500);
  await page.getByRole('button', { name: 'Check the status now' }).click();
  await expect(page.getByText('Status read from Telegent.')).toBeVisible();
}

test('a port-in from eligibility to completion, with a correction', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const number = NUMBERS[testInfo.project.name] ?? NUMBERS['porting-js'];
  await signIn(page, 'admin@acme.example');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Port-ins' }).click();
  await expect(page.getByRole('heading', { name: 'Port-ins', level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo);

  // Not eligible: stopped at the number, nothing else asked.
  const start = page.getByRole('region', { name: 'Port a number in' });
  await start.getByLabel('Account', { exact: true }).selectOption({ label: 'Doe Family' });
  await start.getByLabel('Number to port in').fill('385 555 0169');
  await start.getByRole('button', { name: 'Check eligibility' }).click();
  await expect(page.getByText(/Not eligible: Number is not portable/).first()).toBeVisible();
  await expect(page.getByLabel('Account PIN or passcode')).toHaveCount(0);

  // Eligible: a draft with the details to fill in.
  const again = page.getByRole('region', { name: 'Port a number in' });
  await again.getByLabel('Account', { exact: true }).selectOption({ label: 'Doe Family' });
  await again.getByLabel('Number to port in').fill(number);
  await again.getByRole('button', { name: 'Check eligibility' }).click();
  await expect(page.getByText('Eligible. Fill in the details below')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Port-in of');
  await expectAccessible(page, testInfo);
  if (!noJs(testInfo)) await hydrated(page);
  const form = page.getByRole('region', { name: "The losing carrier's and the subscriber's details" });
  await form.getByLabel('Name on the account at the losing carrier').fill('Jane Doe');
  await form.getByLabel('Street', { exact: true }).fill('42 Maple Ave');
  await form.getByLabel('City').fill('Provo');
  await form.getByLabel('State').fill('UT');
  await form.getByLabel('ZIP code').fill('84601');
  // Submitted without the letter of authorization: refused at its box.
  await form.getByLabel('Account number at the losing carrier').fill('ACCT-551');
  await form.getByLabel('Account PIN or passcode').fill('9911');
  await form.getByLabel('Submit this port-in to Telegent (billed)').check();
  await form.getByRole('button', { name: 'Submit port-in' }).click();
  await expect(page.getByText(/Confirm that the subscriber signed the letter of authorization/).first()).toBeVisible();
  // What was typed comes back, the secrets do not.
  const refill = page.getByRole('region', { name: "The losing carrier's and the subscriber's details" });
  await expect(refill.getByLabel('City')).toHaveValue('Provo');
  await expect(refill.getByLabel('Account PIN or passcode')).toHaveValue('');
  await refill.getByLabel('Account number at the losing carrier').fill('ACCT-551');
  await refill.getByLabel('Account PIN or passcode').fill('9911');
  await refill.getByLabel('The subscriber signed the letter of authorization').check();
  await refill.getByLabel('Submit this port-in to Telegent (billed)').check();
  await refill.getByRole('button', { name: 'Submit port-in' }).click();
  await expect(page.getByText('Submitted to Telegent.')).toBeVisible();
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status.locator('.status')).toHaveText('Pending');
  await expect(page.locator('body')).not.toContainText('ACCT-551');

  // An hour on: the losing carrier wants the account number corrected.
  await advanceSandboxClock(request, 61);
  await checkNow(page);
  await expect(status.locator('.status')).toHaveText('ResolutionRequired');
  await expect(page.getByText(/The losing carrier rejected this: 8A-ACCOUNT_NUM/)).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByLabel('New account number (empty: unchanged)').fill('ACCT-552');
  await page.getByRole('button', { name: 'Send the correction' }).click();
  await expect(page.getByText('Correction sent to Telegent.')).toBeVisible();
  await expect(status.locator('.status')).toHaveText('Pending');

  // Back in the queue: approved an hour on, complete a day later.
  await advanceSandboxClock(request, 61);
  await checkNow(page);
  await expect(status.locator('.status')).toHaveText('InProgress');
  await advanceSandboxClock(request, 24 * 60 + 1);
  await checkNow(page);
  await expect(status.locator('.status')).toHaveText('Complete');
  await expect(page.getByRole('link', { name: 'Open the line' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Correction sent: account number.');
  await expect(timeline).toContainText('Telegent: Complete.');

  // Usable on a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, testInfo);

  // The orders page lists it as ended.
  await page.goto('/porting?show=ended');
  await expect(page.locator('td[data-label="Status"]', { hasText: 'Complete' }).first()).toBeVisible();
});

test('a bulk port-in checks every row before anything is sent', async ({ page }, testInfo) => {
  await signIn(page, 'admin@acme.example');
  await page.goto('/porting');
  await page.getByRole('link', { name: 'Port many numbers in from a CSV' }).click();
  await expect(page.getByRole('heading', { name: 'Bulk port-in', level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByLabel('Account the numbers join').selectOption({ label: 'Bright Bakery LLC' });
  const csv = 'number,carrier,account_number,pin,name,street,city,state,zip\n'
    + '385-555-0181,Old Carrier,A1,1234,Bright Bakery,1 Oven Rd,Provo,UT,846\n';
  if (noJs(testInfo)) {
    await page.getByLabel('The CSV', { exact: true }).fill(csv);
  } else {
    // With JavaScript the file is read into the form.
    await hydrated(page);
    await page.getByLabel('Or choose the CSV file').setInputFiles({ name: 'port-ins.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByLabel('The CSV', { exact: true })).toHaveValue(/385-555-0181/);
  }
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByText(/Row 2: Type the ZIP code/).first()).toBeVisible();
  // The file's secrets are not put back into the page.
  await expect(page.getByLabel('The CSV', { exact: true })).toHaveValue('');
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
