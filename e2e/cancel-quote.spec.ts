import { expect, test } from '@playwright/test';
import { createQuoteFromForm, expectNoViolations, logIn, openAccountById } from './helpers.ts';

test('a reseller cancels a quote, which then says so and can no longer be cancelled', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /GoLand/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /GoLand/ })).toBeVisible();

  await page.getByRole('button', { name: 'Get Quote' }).click();
  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  await createQuoteFromForm(page);
  await expect(page).toHaveURL(/\/quotes\/Q-\d{4}-\d{6}$/);
  const quoteNumber = page.url().split('/').pop() as string;

  // Open it from Quotes, as a reseller coming back to it would.
  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await page.getByLabel('Search quotes').fill(quoteNumber);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: quoteNumber }).click();
  const heading = page.getByRole('heading', { name: `Quote ${quoteNumber}` });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('main').getByText('Open', { exact: true })).toBeVisible();

  // Cancel quote asks first; the dialog is named by its title.
  await page.getByRole('button', { name: 'Cancel quote' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel quote ${quoteNumber}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep the quote' })).toBeFocused();
  await expectNoViolations(page, 'cancel quote dialog');
  await dialog.getByRole('button', { name: 'Cancel quote' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main').getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(
    page.getByText(/^This quote was cancelled on \d{2}\/\d{2}\/\d{4} and can no longer be ordered\.$/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel quote' })).toHaveCount(0);
  await expect(heading).toBeFocused();

  // A reload shows it as the server has it: still cancelled.
  await page.reload();
  await expect(page.getByRole('main').getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel quote' })).toHaveCount(0);

  // The list shows the status and filters by it; a cancelled quote is no longer emailed out.
  await expect(page.getByRole('button', { name: 'Email a copy' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await page.getByLabel('Status').selectOption('cancelled');
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByRole('row', { name: new RegExp(quoteNumber) })).toContainText('Cancelled');
  await page.getByLabel('Status').selectOption('open');
  await expect(page.getByRole('row', { name: new RegExp(quoteNumber) })).toHaveCount(0);
});
