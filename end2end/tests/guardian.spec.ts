import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

test.describe('AI Guardian', () => {
  test('a Manager sets a CHILD message filter, blocks a number and turns Guardian on for a child', async ({ page }, testInfo) => {
    // Each project uses its own child so both start from "off".
    const child = noJs(testInfo) ? 'Lily Doe' : 'Sam Doe';
    await signIn(page, 'jane.doe@example.com');
    await page.getByRole('link', { name: `AI Guardian settings for ${child}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `AI Guardian for ${child}` })).toBeVisible();
    await expect(page.getByText('AI Guardian is off: the filters below are kept but do nothing')).toBeVisible();
    await expectAccessible(page, testInfo);

    // Message filter at the CHILD level, links blocked.
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages.getByLabel(/^Child: the strictest filtering/).check();
    await messages.getByLabel('Block links').check();
    await messages.getByRole('button', { name: 'Save message filter' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Message filter saved.' })).toBeVisible();

    // A number typed the way people do, blocked for calls.
    const blocked = page.getByRole('group', { name: 'Blocked numbers' });
    await blocked.getByLabel('Number to add to Blocked numbers').fill('(801) 555-1234');
    await blocked.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('group', { name: 'Blocked numbers' }).getByText('+1 (801) 555-1234', { exact: true })).toBeVisible();

    // Not a number: the message is at the field.
    const allowed = page.getByRole('group', { name: 'Allowed contacts' });
    await allowed.getByLabel('Number to add to Allowed contacts').fill('grandma');
    await allowed.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('.field-error').first()).toBeVisible();

    // The master switches.
    const switches = page.getByRole('region', { name: 'Master switches' });
    await switches.getByLabel('Filter calls').check();
    await switches.getByLabel('Filter messages').check();
    await switches.getByRole('button', { name: 'Save switches' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Guardian switches saved.' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('region', { name: 'Master switches' }).getByLabel('Filter calls')).toBeChecked();
    await expect(page.getByRole('region', { name: 'Messages' }).getByLabel(/^Child: the strictest filtering/)).toBeChecked();
    await expect(page.getByRole('region', { name: 'Messages' }).getByLabel('Block links')).toBeChecked();
    await expect(page.getByRole('group', { name: 'Blocked numbers' }).getByText('+1 (801) 555-1234', { exact: true })).toBeVisible();
    await expect(page.getByText('AI Guardian is off')).toHaveCount(0);
  });

  test('a Subscriber sees their Guardian restrictions but cannot change them', async ({ page }) => {
    await signIn(page, 'sam.doe@example.com');
    await expect(page.getByRole('heading', { name: 'AI Guardian' })).toBeVisible();
    const response = await page.goto(page.url().replace('/me', '/accounts/AID-00000000-0000-0000-0000-000000000000/guardian/TSUID-x'));
    expect(response?.status()).toBe(403);
  });
});
