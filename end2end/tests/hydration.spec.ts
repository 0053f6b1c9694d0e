import { test, expect } from '@playwright/test';
import { hydrated, noJs, signIn } from './helpers';

// These prove the wasm bundle hydrated the server-rendered page: in CI they
// run against the release build (wasm-opt'ed bundle).
test.describe('hydration', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(noJs(testInfo), 'needs JavaScript');
    await signIn(page, 'admin@acme.example');
  });

  test('the theme switch changes the page without a reload', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await hydrated(page);
    await page.evaluate(() => ((window as any).__sameDocument = 'yes'));
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe('yes');
    expect(errors).toEqual([]);
  });

  test('links navigate in the page (client-side routing)', async ({ page }) => {
    await page.goto('/');
    await hydrated(page);
    await page.evaluate(() => ((window as any).__sameDocument = 'yes'));
    await page.getByRole('link', { name: 'Doe Family' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Doe Family' })).toBeVisible();
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe('yes');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  });
});
