import { test, expect } from '@playwright/test';
import { hydrated, noJs, signIn } from './helpers';

// These prove the wasm bundle hydrated the server-rendered page: in CI they
// run against the release build (wasm-opt'ed bundle).
test.describe('hydration', () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(noJs(testInfo), 'needs JavaScript');
    await signIn(page, 'admin@acme.example');
  });

  test('the theme switch changes the page without a reload and is remembered', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await hydrated(page);
    await page.evaluate(() => ((window as any).__sameDocument = 'yes'));
    // The button says what it will do; the other one is hidden.
    await expect(page.getByRole('button', { name: 'Light theme' })).toBeHidden();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const light = page.getByRole('button', { name: 'Light theme' });
    await expect(light).toBeVisible();
    await expect(light).toBeFocused();
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe('yes');
    // Remembered by the server: the next page is dark from its first paint.
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'theme')?.value).toBe('dark');
    const next = await page.request.get('/');
    expect(await next.text()).toContain('data-theme="dark"');
    expect(errors).toEqual([]);
  });

  // Islands: only the interactive parts run in the browser, so a link is a
  // page load (no client-side router). What replaces in-page navigation is a
  // cheap page load: the bundle comes from the browser's cache (hashed name,
  // cached immutable) and the islands of the next page wake again.
  test('a link is a page load that takes the bundle from the cache and wakes the islands again', async ({ page, request }) => {
    await page.goto('/');
    await hydrated(page);
    await page.evaluate(() => ((window as any).__sameDocument = 'yes'));
    await page.getByRole('link', { name: 'Doe Family', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Doe Family' })).toBeVisible();
    expect(await page.evaluate(() => (window as any).__sameDocument), 'a new document').toBeUndefined();
    await hydrated(page);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    const wasm = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.name.includes('.wasm'))
        .map((e) => ({ url: e.name, transferSize: e.transferSize }))[0],
    );
    expect(wasm, 'the page loaded the bundle').toBeTruthy();
    // A release build names the bundle by its content hash (a debug build may not).
    const hashed = /\.[A-Za-z0-9_-]{8,}\.wasm/.test(wasm.url);
    if ((process.env.PORTAL_PROFILE ?? 'release') === 'release') {
      expect(hashed, `a hashed bundle name: ${wasm.url}`).toBe(true);
    }
    if (hashed) {
      expect(wasm.transferSize, 'the second page took the bundle from the cache').toBe(0);
      const answer = await request.get(wasm.url, { headers: { 'accept-encoding': 'br' } });
      expect(answer.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers()['content-encoding']).toBe('br');
    }
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();
  });
});
