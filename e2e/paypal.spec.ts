import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, openAccountById } from './helpers.ts';

test('a reseller pays a quote with PayPal: cancels once, approves, and places the order', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: /^GoLand/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).first().click();
  await page.getByLabel('Licensee name').fill('Grace Hopper');
  await page.getByLabel('Licensee email').fill('grace@acme.test');
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  await page.getByRole('radio', { name: 'PayPal' }).check();
  await page.getByRole('button', { name: 'Continue to PayPal' }).click();
  // PayPal's page (the sandbox's stand-in): what is paid, and for which quote.
  await expect(page.getByRole('heading', { name: 'PayPal (sandbox)' })).toBeVisible();
  await expect(page.getByText(/^Pay .+ for quote Q-\d{4}-\d{6}$/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel and return' }).click();
  await expect(page.getByText('You cancelled the payment at PayPal. Nothing was charged.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'PayPal' })).toBeChecked();

  await page.getByRole('button', { name: 'Continue to PayPal' }).click();
  await page.getByLabel('PayPal account email').fill('payables@demo-reseller.test');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('PayPal approved the payment. Place order to complete it.')).toBeVisible();
  await expectNoViolations(page, 'checkout after PayPal');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { name: /^Order R-2026-\d{6}$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Invoice / })).toContainText('Paid with PayPal.');
});

test('a partner admin stores a PayPal account, pays with it at checkout, and removes it', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await page.getByRole('link', { name: 'Payment methods' }).click();
  await page.getByRole('button', { name: 'Add PayPal' }).click();
  await expect(
    page.getByText('Let the Partner Portal charge this PayPal account for your future orders'),
  ).toBeVisible();
  await page.getByLabel('PayPal account email').fill('ap@demo-reseller.test');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('PayPal account stored.')).toBeVisible();
  const row = page.getByRole('row', { name: /PayPal \(ap@demo-reseller\.test\)/ });
  await expect(row).toBeVisible();
  await expectNoViolations(page, 'payment methods with PayPal');

  await page.getByRole('link', { name: 'Partner Portal' }).click();
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: /^DataGrip/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).first().click();
  await page.getByLabel('Licensee name').fill('Katherine Johnson');
  await page.getByLabel('Licensee email').fill('katherine@acme.test');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByRole('radio', { name: 'PayPal (ap@demo-reseller.test)' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('region', { name: /^Invoice / })).toContainText('Paid with PayPal.');

  // Leave the shared demo data as it was: the PayPal account goes again.
  await page.getByRole('link', { name: 'Payment methods' }).click();
  await page.getByRole('button', { name: 'Remove PayPal (ap@demo-reseller.test)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the PayPal account ap@demo-reseller.test?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /PayPal \(ap@demo-reseller\.test\)/ })).toHaveCount(0);
});
