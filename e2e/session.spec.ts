import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, openAccountById, searchCustomers } from './helpers.ts';

test('a page opened while logged out is shown after logging in', async ({ page }) => {
  await page.goto('/quotes?q=acme');
  await expect(page).toHaveURL(/\/login\?next=%2Fquotes%3Fq%3Dacme$/);
  await page.getByLabel('Email').fill('sales@demo-reseller.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/quotes\?q=acme$/);
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeFocused();
  await expect(page.getByLabel('Search quotes')).toHaveValue('acme');
});

test('only a path of this site is a place to come back to after logging in', async ({ page }) => {
  await page.goto('/login?next=//example.com/quotes');
  await page.getByLabel('Email').fill('sales@demo-reseller.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Find a customer' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
});

test('a catalog left open in another tab refuses to add to another account’s cart', async ({
  page,
  context,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('button', { name: /WebStorm/ }).click();

  // A second tab of the same session opens another account.
  const other = await context.newPage();
  await other.goto('/');
  // Globex is managed by Demo Reseller: it opens without the email step.
  await searchCustomers(other, '7012345');
  await expect(other.getByRole('banner').getByText('Globex Ltda')).toBeVisible();
  await other.close();

  // The first tab still shows Acme; adding to its cart is refused, said so, and the page catches up.
  await page.getByLabel('Number of subscriptions').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(
    page.getByText('Customer account 6703615 is no longer open in this session', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText('For Globex Ltda (Customer ID 7012345)')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Globex Ltda')).toBeVisible();
  await expect(page.getByText(/^The cart is empty/)).toBeVisible();
});
