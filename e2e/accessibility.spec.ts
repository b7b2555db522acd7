import { expect, test } from '@playwright/test';
import {
  chooseLanguage,
  createQuoteFromForm,
  expectNoViolations,
  logIn,
  openAccountById,
} from './helpers.ts';

test('every screen passes the WCAG 2.1 AA checks of axe-core', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expectNoViolations(page, 'login');

  await logIn(page, 'sales@demo-reseller.test');
  await expectNoViolations(page, 'home');

  await page.getByLabel('Search customers').fill('6703615');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page, 'email dialog');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Opening the account goes on to the Product Catalog (its page loads on first visit).
  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /GoLand/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('totals-total')).toBeVisible();
  await expectNoViolations(page, 'catalog and cart');

  await page.getByRole('button', { name: 'Get Quote' }).click();
  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  await expectNoViolations(page, 'get quote');
  await createQuoteFromForm(page);
  await expect(page.getByRole('heading', { name: /^Quote Q-/ })).toBeVisible();
  await expectNoViolations(page, 'quote');

  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeVisible();
  await expectNoViolations(page, 'quotes');

  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByRole('heading', { name: 'Orçamentos', exact: true })).toBeVisible();
  await expectNoViolations(page, 'quotes in Portuguese');
  // The language is remembered for the user on the server: leave it as the other tests expect it.
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeVisible();
});
