import { expect, test } from '@playwright/test';
import { logIn, openAccountById, snapshot } from './helpers.ts';

test('a reseller opens an account, adds a product, gets a quote and finds it in Quotes', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await snapshot(page, '02-home');

  // A wrong email is refused without telling whether the ID exists.
  await page.getByLabel('Search customers').fill('6703615');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: "Confirm the customer's email" });
  await dialog.getByLabel('Customer email').fill('someone@else.test');
  await dialog.getByRole('button', { name: 'Open account' }).click();
  await expect(dialog.getByText('No account matches this Customer ID and email.')).toBeVisible();
  await snapshot(page, '03-lookup-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('banner').getByText('Acme Corp')).toBeVisible();

  await page.getByRole('link', { name: 'Product Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /WebStorm/ }).click();
  await page.getByLabel('Number of subscriptions').fill('3');
  await page.getByRole('radio', { name: '1 year' }).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();

  // 3 × $159.00 = $477.00 list, 15 % partner discount $71.55, total $405.45.
  const cart = page.getByRole('table').filter({ hasText: 'WebStorm' });
  await expect(cart.getByRole('row', { name: /WebStorm/ })).toContainText('$477.00');
  await expect(page.getByTestId('totals-discount')).toContainText('$71.55');
  await expect(page.getByTestId('totals-total')).toHaveText('$405.45');
  await snapshot(page, '04-catalog-cart');

  await page.getByRole('button', { name: 'Get Quote' }).click();
  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  // A missing required field is reported next to it.
  await page.getByLabel('City').fill('');
  await page.getByRole('button', { name: 'Create quote' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  await page.getByLabel('Company name').fill('Demo Reseller LLC');
  await page.getByLabel('Address line 1').fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await page.getByLabel('Postal code').fill('94105');
  await page.getByLabel('Country').fill('US');
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByLabel('PO number').fill('PO-7781');
  await snapshot(page, '05-get-quote');
  await page.getByRole('button', { name: 'Create quote' }).click();

  await expect(page).toHaveURL(/\/quotes\/Q-\d{4}-000001$/);
  const quoteNumber = page.url().split('/').pop() as string;
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();
  await expect(page.getByText('$405.45').first()).toBeVisible();
  await expect(page.getByText('PO-7781')).toBeVisible();
  await snapshot(page, '06-quote');

  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeVisible();
  await page.getByLabel('Search quotes').fill('acme');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: quoteNumber })).toBeVisible();
  await snapshot(page, '07-quotes');
  await page.getByLabel('Search quotes').fill('no such customer');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/No quotes match/)).toBeVisible();
  await page.getByLabel('Search quotes').fill(quoteNumber);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: quoteNumber }).click();
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();

  // The open account can be closed from the top bar.
  await page.getByRole('button', { name: 'Close account' }).click();
  await expect(page.getByText('No customer account open')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Product Catalog' })).toHaveCount(0);
});
