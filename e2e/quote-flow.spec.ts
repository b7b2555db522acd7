import { expect, test } from '@playwright/test';
import { chooseState, logIn, openAccountById, snapshot } from './helpers.ts';

test('a reseller opens an account, adds a product, gets a quote and finds it in Quotes', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await snapshot(page, '02-home');

  // A wrong email is refused without telling whether the ID exists.
  await page.getByLabel('Search customers').fill('6703615');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: "Confirm the customer's email" });
  await dialog.getByLabel('Customer email').fill('someone@else.test');
  await dialog.getByRole('button', { name: 'Open account' }).click();
  await expect(dialog.getByText('No account matches this identifier and email.')).toBeVisible();
  await snapshot(page, '03-lookup-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('banner').getByText('Acme Corp')).toBeVisible();

  // Opening the account goes on to the Product Catalog; arriving at a page focuses its title.
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeFocused();
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /WebStorm/ }).click();
  // Choosing a product puts the focus in its quantity.
  const quantity = page.getByLabel('Number of subscriptions');
  await expect(quantity).toBeFocused();
  // Only whole numbers: a decimal point is refused and said so, not silently dropped ("1.5" → 15).
  await quantity.pressSequentially('1.5');
  await expect(page.getByText(/^Type digits only/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/^Type digits only/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await quantity.fill('');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Enter the number of subscriptions, from 1 to 10,000.')).toBeVisible();
  await quantity.fill('1');
  await page.getByRole('radio', { name: '1 year' }).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const cart = page.getByRole('table').filter({ hasText: 'WebStorm' });
  await expect(cart.getByRole('row', { name: /WebStorm/ })).toContainText('$159.00');
  // The same product and term again adds to that line.
  await quantity.fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();

  // 3 × $159.00 = $477.00 list, 15 % partner discount $71.55, total $405.45.
  await expect(cart.getByRole('row', { name: /WebStorm/ })).toContainText('$477.00');
  await expect(cart.getByRole('row', { name: /WebStorm/ })).toHaveCount(1);
  await expect(page.getByTestId('totals-discount')).toContainText('$71.55');
  await expect(page.getByTestId('totals-total')).toHaveText('$405.45');
  await snapshot(page, '04-catalog-cart');

  await page.getByRole('button', { name: 'Get Quote' }).click();
  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to cart' })).toHaveAttribute('href', '/catalog');
  // A missing required field is reported next to it.
  await page.getByLabel('City').fill('');
  await page.getByRole('button', { name: 'Create quote' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  await page.getByLabel('Company name').fill('Demo Reseller LLC');
  await page.getByLabel('Address line 1').fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await chooseState(page, 'State', 'California (CA)');
  await page.getByLabel('ZIP code').fill('94105');
  // Country: a searchable list named in the user's language, pre-filled with the partner's country.
  // (Its list of options is labelled "Country" too, so the field is found by its role.)
  const country = page.getByRole('combobox', { name: 'Country' });
  await expect(country).toHaveCount(1);
  await expect(country).toHaveValue('United States (US)');
  await country.fill('brazil');
  await expect(page.getByRole('listbox', { name: 'Country' })).toBeVisible();
  await page.getByRole('option', { name: 'Brazil (BR)' }).click();
  await expect(country).toHaveValue('Brazil (BR)');
  await country.fill('united states');
  await page.getByRole('option', { name: 'United States (US)', exact: true }).click();
  await expect(country).toHaveValue('United States (US)');
  // A state of another country's list is not kept: the State is chosen again.
  await chooseState(page, 'State', 'California (CA)');
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByLabel('PO number').fill('PO-7781');
  await snapshot(page, '05-get-quote');
  await page.getByRole('button', { name: 'Create quote' }).click();

  await expect(page).toHaveURL(/\/quotes\/Q-\d{4}-\d{6}$/);
  const quoteNumber = page.url().split('/').pop() as string;
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();
  await expect(page.getByText('$405.45').first()).toBeVisible();
  await expect(page.getByText('PO-7781')).toBeVisible();
  await expect(page.getByText('United States (US)')).toBeVisible();
  await expect(page.getByText('San Francisco, CA 94105')).toBeVisible();
  await snapshot(page, '06-quote');

  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeVisible();
  // Too short a search is refused next to the field, before anything is sent.
  await page.getByLabel('Search quotes').fill('ac');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Type at least 3 characters to search.')).toBeVisible();
  await page.getByLabel('Search quotes').fill('acme');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: quoteNumber })).toBeVisible();
  await snapshot(page, '07-quotes');
  await page.getByLabel('Search quotes').fill('no such customer');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/No quotes match/)).toBeVisible();
  // A Customer ID and a part of a quote number find it too.
  await page.getByLabel('Search quotes').fill('6703615');
  await page.getByLabel('Search quotes').press('Enter');
  await expect(page.getByRole('link', { name: quoteNumber })).toBeVisible();
  await page.getByLabel('Search quotes').fill(quoteNumber.slice(-6));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: quoteNumber })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();

  // A date range applies as soon as both dates are picked, without Search.
  const today = new Date();
  const month = today.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  const year = today.getUTCFullYear();
  const lastDay = new Date(Date.UTC(year, today.getUTCMonth() + 1, 0)).getUTCDate();
  const mm = String(today.getUTCMonth() + 1).padStart(2, '0');
  await page.getByLabel('Date range', { exact: true }).click();
  await page.getByRole('button', { name: `1 ${month} ${year}`, exact: true }).click();
  await page.getByRole('button', { name: `${lastDay} ${month} ${year}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${year}-${mm}-01&to=${year}-${mm}-${lastDay}`));
  await expect(page.getByLabel('Date range', { exact: true })).toContainText(`${mm}/01/${year}`);
  await expect(page.getByRole('link', { name: quoteNumber })).toBeVisible();

  // A page past the last one says so and leads back to the first.
  await page.goto('/quotes?page=99');
  await expect(page.getByText('There is no page 99: the last page is 1.')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the first page' }).click();
  await page.getByRole('link', { name: quoteNumber }).click();
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();

  // The open account can be closed from the top bar.
  await page.getByRole('button', { name: 'Close account' }).click();
  await expect(page.getByText('No customer account open')).toBeVisible();
  await expect(page.getByLabel('Search customers')).toBeFocused();
  // The catalog stays in the top bar and says what to do first.
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find a customer' })).toBeVisible();
});
