import { test, expect } from '@playwright/test';
import { expectAccessible, noJs, signIn } from './helpers';

// The catalog (issue 16), with JavaScript on and off: a Distributor admin
// makes a product, a package with two items (the margin follows, exact to
// the cent), a variant by clone; a refused price is said at its field; a
// package in use can't be deleted; a viewer reads with no mutation control;
// the pages fit a phone. Names carry the project and a random suffix: both
// projects share one portal.
test.describe('Catalog', () => {
  test('an admin builds a package from products and sees its margin', async ({ page }, testInfo) => {
    const suffix = `${testInfo.project.name}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
    await signIn(page, 'admin@acme.example');
    await page.getByRole('link', { name: 'Catalog' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Packages' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Catalog' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'New product' }).click();

    // A price with three decimals is refused at the field, the rest kept.
    const sku = `TEN-${suffix}`;
    await page.getByLabel('SKU').fill(sku);
    await page.getByLabel('Description').fill('Ten cents of data');
    await page.getByLabel('Type', { exact: true }).selectOption('data');
    await page.getByLabel('Wholesale cost (US$)').fill('0.105');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter at most two decimals');
    await expect(page.getByLabel('SKU')).toHaveValue(sku);
    await expectAccessible(page, testInfo);
    await page.getByLabel('Wholesale cost (US$)').fill('0.10');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expect(page.getByText('Product created.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(sku);
    await expect(page.getByText('$0.10 / month')).toBeVisible();

    // A package, then two items of that product.
    await page.goto('/catalog/packages/new');
    const name = `Starter ${suffix}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Price the subscriber pays (US$)').fill('1.00');
    await page.getByRole('button', { name: 'Create package' }).click();
    await expect(page.getByText('Package created.')).toBeVisible();
    // Two items of it at different prices (the margin counts what the
    // product costs, not what the item bills).
    for (const price of ['0.10', '0.15']) {
      const add = page.locator('section', { has: page.getByRole('heading', { name: 'Add an item' }) });
      await add.getByLabel('Product', { exact: true }).selectOption({ label: `${sku} — Ten cents of data` });
      await add.getByLabel('Item price (US$)').fill(price);
      await add.getByRole('button', { name: 'Add item' }).click();
      await expect(page.getByText('Item added.')).toBeVisible();
    }
    const items = page.locator('section', { has: page.getByRole('heading', { name: 'Items' }) });
    await expect(items.locator('tbody tr')).toHaveCount(2);
    const margin = page.locator('section', { has: page.getByRole('heading', { name: 'Margin' }) });
    await expect(margin).toContainText('$0.20 / month');
    await expect(margin).toContainText('$0.80 / month');
    await expectAccessible(page, testInfo);

    // A variant by clone has both items.
    const variant = `${name} Plus`;
    await page.getByLabel('Variant name').fill(variant);
    await page.getByRole('button', { name: 'Clone package' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(variant);
    await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Items' }) }).locator('tbody tr')).toHaveCount(2);

    // The demo's Family Unlimited bills lines: its delete is refused, naming them.
    await page.goto('/catalog/packages');
    await page.getByRole('link', { name: 'Family Unlimited', exact: true }).click();
    await page.locator('summary', { hasText: 'Delete Family Unlimited' }).click();
    await page.getByLabel('Yes, delete Family Unlimited').check();
    await page.getByRole('button', { name: 'Delete Family Unlimited' }).click();
    await expect(page.locator('.error-summary')).toContainText('SUB-');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Family Unlimited');

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/catalog/packages');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`packages-phone-${noJs(testInfo) ? 'nojs' : 'js'}.png`), fullPage: true });
  });

  test('a viewer reads the catalog with no mutation control and a forged change is refused', async ({ page }, testInfo) => {
    await signIn(page, 'reviewer@acme.example');
    await page.goto('/catalog/packages');
    await expect(page.getByRole('link', { name: 'Family Unlimited', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New package' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Family Unlimited', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Margin' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Delete|Clone|Add item|Save|Remove/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Edit package' })).toHaveCount(0);
    await expectAccessible(page, testInfo);
    const forged = await page.request.post('/api/catalog/product-save', {
      form: { sku: 'FORGED-1', description: 'x', kind: 'data', cost: '1.00', billing_frequency: 'MRC' },
      headers: { accept: 'application/json' },
    });
    expect(forged.status()).toBe(403);
    await page.goto('/catalog/products?q=FORGED-1&shown=all');
    await expect(page.getByText('No product matches this filter.')).toBeVisible();
  });

  test('a Manager sees the plans offered to the family, without costs', async ({ page }, testInfo) => {
    await signIn(page, 'jane.doe@example.com');
    await page.goto('/catalog/packages');
    await expect(page.getByRole('link', { name: 'Family Unlimited', exact: true })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Margin' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Family Unlimited', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Margin' })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Product cost' })).toHaveCount(0);
    await expectAccessible(page, testInfo);
  });
});
