import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

test.describe('members of a family', () => {
  test('a Manager adds a member, sees a taken e-mail refused at the field, then renames the new member', async ({ page }, testInfo) => {
    // Each project adds its own member, so the runs do not meet.
    const mode = noJs(testInfo) ? 'nojs' : 'js';
    await signIn(page, 'jane.doe@example.com');
    await page.getByText('Add a member').click();
    const name = page.getByLabel('Name', { exact: true });
    const email = page.getByLabel('E-mail', { exact: true });
    await name.fill(`Max Doe ${mode}`);
    // John Smith's address, under another Distributor: e-mails are platform-unique.
    await email.fill('john.smith@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.locator('#email-error')).toContainText('already used');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, testInfo);

    await page.getByLabel('Name', { exact: true }).fill(`Max Doe ${mode}`);
    await page.getByLabel('E-mail', { exact: true }).fill(`max.${mode}@example.com`);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Max Doe ${mode}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Member added.' })).toBeVisible();
    await expect(page.getByText('No lines yet.')).toBeVisible();
    await expectAccessible(page, testInfo);

    const edit = page.getByRole('region', { name: 'Name and e-mail' });
    await edit.getByLabel('Name', { exact: true }).fill(`Maxine Doe ${mode}`);
    await edit.getByLabel('E-mail', { exact: true }).fill(`maxine.${mode}@example.com`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Maxine Doe ${mode}` })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    // A second change on the same page shows too (it comes back to the same URL).
    await edit.getByLabel('Name', { exact: true }).fill(`Maxine Doe-Smith ${mode}`);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Maxine Doe-Smith ${mode}` })).toBeVisible();
    await page.reload();
    await expect(page.getByText(`maxine.${mode}@example.com`).first()).toBeVisible();

    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: `Maxine Doe-Smith ${mode}` })).toBeVisible();
  });

  test("a member's page shows their lines, subscriptions and restrictions; another Manager gets 404", async ({ page }, testInfo) => {
    await signIn(page, 'jane.doe@example.com');
    await page.getByRole('link', { name: 'Lily Doe', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Lily Doe' })).toBeVisible();
    const subscriptions = page.getByRole('region', { name: 'Subscriptions' });
    await expect(subscriptions.getByRole('cell', { name: /Family Unlimited/ })).toBeVisible();
    await expect(subscriptions.getByRole('cell', { name: '+1 (801) 555-0103' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Restrictions' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Lines' }).getByRole('link', { name: '+1 (801) 555-0103' })).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const url = page.url();
    await page.context().clearCookies();
    await signIn(page, 'john.smith@example.com');
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found|couldn/i);
  });
});
