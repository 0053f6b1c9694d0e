import { test, expect } from '@playwright/test';
import { clearFaults, injectFault, noJs, signIn } from './helpers';

// Telegent failing on purpose (the sandbox's fault rules): the page stays
// usable, says what happened, and shows nothing as saved that was not.
test.describe('when Telegent fails', () => {
  test.afterEach(async ({ request }) => {
    await clearFaults(request);
  });

  test('a data-limit change that Telegent refuses says so and nothing is saved', async ({ page, request }) => {
    await signIn(page, 'jane.doe@example.com');
    await page.goto(page.url() + '/limits');
    const samRow = page.locator('.check', { hasText: '+1 (801) 555-0102' });
    const before = await samRow.textContent();
    await injectFault(request, { PathPrefix: '/v1.0/numbers/data-usage', Exact: true, Method: 'POST', Status: 502 });
    await samRow.getByRole('checkbox').check();
    await page.getByLabel('Block data at').fill('777');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Telegent did not answer. Nothing was changed' })).toBeVisible();
    // Still the form, ready for another try.
    await expect(page.getByRole('button', { name: 'Save limits' })).toBeEnabled();
    await clearFaults(request);
    await page.goto(page.url().split('?')[0]);
    await expect(page.locator('.check', { hasText: '+1 (801) 555-0102' })).toHaveText(before ?? '');
    await expect(page.getByText('777 MB')).toHaveCount(0);
  });

  test('a blocked number Telegent refuses is taken back off the list', async ({ page, request }, testInfo) => {
    // Lily's filters (Sam's are used by the Guardian spec).
    await signIn(page, 'jane.doe@example.com');
    await page.getByRole('link', { name: 'AI Guardian settings for Lily Doe' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AI Guardian for Lily Doe' })).toBeVisible();
    const allowed = page.getByRole('group', { name: 'Allowed numbers' });
    const number = noJs(testInfo) ? '(801) 555-7001' : '(801) 555-7002';
    await injectFault(request, {
      PathPrefix: '/v1.0/subscribers/call-filter/allowed-numbers/add',
      Status: 502,
      // Slow, so the number can be seen on the list while it is being saved.
      LatencyMs: 1500,
    });
    await allowed.getByLabel('Number to add to Allowed numbers').fill(number);
    await allowed.getByRole('button', { name: 'Add' }).click();
    if (!noJs(testInfo)) {
      // Shown at once, marked as not yet saved…
      await expect(allowed.locator('li.pending', { hasText: `+1 ${number}` })).toBeVisible();
      await expect(allowed.getByText('saving…')).toBeVisible();
    }
    // …then taken back, with the reason, next to the list it belongs to (JS)
    // or at the top of the lists' section (no JS).
    await expect(page.getByRole('alert').filter({ hasText: 'Telegent did not answer' }).first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Allowed numbers' }).getByText(`+1 ${number}`)).toHaveCount(0);
    await clearFaults(request);
    await page.reload();
    await expect(page.getByRole('group', { name: 'Allowed numbers' }).getByText(`+1 ${number}`)).toHaveCount(0);

    // Once Telegent answers again, the same add goes through.
    await page.getByRole('group', { name: 'Allowed numbers' }).getByLabel('Number to add to Allowed numbers').fill(number);
    await page.getByRole('group', { name: 'Allowed numbers' }).getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('group', { name: 'Allowed numbers' }).locator('li:not(.pending)', { hasText: `+1 ${number}` })).toBeVisible();

    // Two more numbers on the same list (each save comes back to the same
    // URL): all stay listed, and after a reload too.
    const more = noJs(testInfo) ? ['(801) 555-7003', '(801) 555-7005'] : ['(801) 555-7004', '(801) 555-7006'];
    for (const n of more) {
      await page.getByRole('group', { name: 'Allowed numbers' }).getByLabel('Number to add to Allowed numbers').fill(n);
      await page.getByRole('group', { name: 'Allowed numbers' }).getByRole('button', { name: 'Add' }).click();
      await expect(page.getByRole('group', { name: 'Allowed numbers' }).locator('li:not(.pending)', { hasText: `+1 ${n}` })).toBeVisible();
    }
    for (const reload of [false, true]) {
      if (reload) await page.reload();
      for (const n of [number, ...more]) {
        await expect(page.getByRole('group', { name: 'Allowed numbers' }).getByText(`+1 ${n}`, { exact: true })).toBeVisible();
      }
    }
  });
});
