import { expect, test } from '@playwright/test';
import { logIn, openAccountById } from './helpers.ts';

test('two quick clicks on Add to cart add once; a refused key is not silently dropped', async ({ page }) => {
  await logIn(page, 'admin@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /RubyMine/ }).click();
  const quantity = page.getByLabel('Number of subscriptions');
  const row = page.getByRole('table').getByRole('row', { name: /RubyMine/ });

  // "-3" typed into an empty field: the minus sign is refused and said so; nothing is added.
  await quantity.fill('');
  await quantity.pressSequentially('-3');
  await expect(page.getByText(/^Type digits only/)).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row).toHaveCount(0);

  // Two clicks 150 ms apart (faster than a person means two adds): one line of 2 seats.
  await quantity.fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForTimeout(150);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row).toBeVisible();
  await expect(row.getByRole('textbox', { name: /^Quantity of/ })).toHaveValue('2');
  await page.waitForTimeout(500);
  await expect(row.getByRole('textbox', { name: /^Quantity of/ })).toHaveValue('2');

  // A deliberate second add, after a pause, still adds.
  await page.waitForTimeout(2_000);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row.getByRole('textbox', { name: /^Quantity of/ })).toHaveValue('4');
});
