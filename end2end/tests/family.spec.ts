import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

const SAM = '+1 (801) 555-0102';
const LILY = '+1 (801) 555-0103';

test.describe('family Manager', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'jane.doe@example.com');
  });

  test('the overview shows each member, their lines and data use, at phone and desktop widths', async ({ page }, testInfo) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Doe Family' })).toBeVisible();
    for (const name of ['Jane Doe', 'Sam Doe', 'Lily Doe']) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    }
    await expect(page.getByRole('img', { name: /used \(\d+%\)/ }).first()).toBeVisible();
    await expect(page.getByText('AI Guardian:').first()).toBeVisible();
    await expectAccessible(page, testInfo);
    const mode = noJs(testInfo) ? 'nojs' : 'js';
    await page.screenshot({ path: testInfo.outputPath(`family-overview-desktop-${mode}.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`family-overview-phone-${mode}.png`), fullPage: true });
  });

  test('sets limits for two lines at once and sees them after a reload', async ({ page }, testInfo) => {
    await page.getByRole('link', { name: 'Set data limits' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data limits' })).toBeVisible();
    await expectAccessible(page, testInfo);
    const notify = noJs(testInfo) ? '250' : '300';
    await page.getByLabel(new RegExp(SAM.replace(/[()+]/g, '\\$&'))).check();
    await page.getByLabel(new RegExp(LILY.replace(/[()+]/g, '\\$&'))).check();
    await page.getByLabel('Warn at (optional)').fill(notify);
    await page.getByLabel('Slow down at (optional)').fill('400');
    await page.getByLabel('Block data at').fill('500');
    await page.getByLabel('Speed once slowed down').selectOption('1-mbps');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for 2 lines.' })).toBeVisible();
    await page.reload();
    for (const line of [SAM, LILY]) {
      await expect(page.locator('.check', { hasText: line })).toContainText(`warn ${notify} MB · slow down 400 MB · limit 500 MB`);
    }
    await expect(page.locator('.check', { hasText: '+1 (801) 555-0101' })).toContainText('platform default');
  });

  test('bad threshold values get a message at the field and change nothing', async ({ page }, testInfo) => {
    await page.goto(page.url() + '/limits');
    const samRow = page.locator('.check', { hasText: SAM });
    const before = await samRow.textContent();
    await samRow.getByRole('checkbox').check();
    await page.getByLabel('Warn at (optional)').fill('450');
    await page.getByLabel('Slow down at (optional)').fill('400');
    await page.getByLabel('Block data at').fill('500');
    await page.getByLabel('Speed once slowed down').selectOption('1-mbps');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.locator('#notify-error')).toContainText('must be below the slow-down level');
    await expect(page.getByLabel('Warn at (optional)')).toHaveAttribute('aria-invalid', 'true');
    await page.goto(page.url().split('?')[0]);
    await expect(page.locator('.check', { hasText: SAM })).toHaveText(before!);
  });

  test("a line's page shows its usage, limits and renewal", async ({ page }, testInfo) => {
    await page.getByRole('link', { name: LILY }).click();
    await expect(page.getByRole('heading', { level: 1, name: LILY })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Data this cycle' })).toBeVisible();
    await page.getByLabel('Cycle', { exact: true }).selectOption('M');
    await page.getByLabel('Renews on day').fill('32');
    await page.getByRole('button', { name: 'Save renewal' }).click();
    await expect(page.locator('#day-error')).toContainText('1–31');
    await page.getByLabel('Renews on day').fill('15');
    await page.getByRole('button', { name: 'Save renewal' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Renewal cycle saved.' })).toBeVisible();
    await expect(page.locator('dl.facts').filter({ hasText: 'Warn at' })).toContainText('monthly on day 15');
    await expectAccessible(page, testInfo);
  });
});

test('a Manager of another Account gets the not-found page for these addresses', async ({ page }) => {
  await signIn(page, 'jane.doe@example.com');
  const doe = page.url().split('/accounts/')[1];
  await page.context().clearCookies();
  await signIn(page, 'john.smith@example.com');
  for (const url of [`/accounts/${doe}`, `/accounts/${doe}/limits`, `/accounts/${doe}/lines/18015550102`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(page.getByText('Doe')).toHaveCount(0);
  }
});

test('a Subscriber sees their own lines and restrictions, read-only', async ({ page }, testInfo) => {
  await signIn(page, 'sam.doe@example.com');
  await expect(page.getByRole('heading', { level: 1, name: 'My lines' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: SAM })).toBeVisible();
  await expect(page.getByText('Data stops at')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'AI Guardian' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('main').locator('input, select, textarea')).toHaveCount(0);
  await expectAccessible(page, testInfo);
  const response = await page.goto('/accounts/' + 'AID-00000000-0000-0000-0000-000000000000' + '/limits');
  expect(response?.status()).toBe(403);
});

test('a Manager turns voicemail on for a line, and deletes it only after confirming', async ({ page }, testInfo) => {
  await signIn(page, 'jane.doe@example.com');
  const line = noJs(testInfo) ? LILY : SAM;
  await page.getByRole('link', { name: line }).click();
  const section = page.getByRole('region', { name: 'Voicemail' });
  await section.getByLabel('PIN').fill('12');
  await section.getByRole('button', { name: 'Turn voicemail on' }).click();
  await expect(page.locator('#pin-error')).toContainText('4 to 10 digits');
  await page.getByRole('region', { name: 'Voicemail' }).getByLabel('PIN').fill('4821');
  await page.getByRole('region', { name: 'Voicemail' }).getByLabel('First name').fill('Sam');
  await page.getByRole('region', { name: 'Voicemail' }).getByRole('button', { name: 'Turn voicemail on' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Voicemail saved.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voicemail' })).toContainText('On.');
  await expectAccessible(page, testInfo);
  await page.getByText('Delete voicemail…').click();
  await page.getByRole('button', { name: 'Delete voicemail', exact: true }).click();
  await expect(page.getByText('Tick the box to confirm')).toBeVisible();
  await page.getByLabel('Yes, delete the greeting and all messages').check();
  await page.getByRole('button', { name: 'Delete voicemail', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Voicemail deleted.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voicemail' })).toContainText('Off.');
});
