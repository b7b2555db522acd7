import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, openAccountById } from './helpers.ts';

test('a partner admin stores cards in the provider form, chooses the default, removes one, and pays with a stored card', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await page.getByRole('link', { name: 'Payment methods' }).click();
  await expect(page.getByRole('heading', { name: 'Payment methods' })).toBeVisible();

  const form = () => page.frameLocator('iframe[title="Card payment"]');
  const store = async (number: string) => {
    await form().getByLabel('Card number').fill(number);
    await form().getByLabel('Expiry (MM/YY)').fill('07/31');
    await form().getByLabel('Security code (CVC)').fill('123');
    await form().getByRole('button', { name: 'Use this card' }).click();
  };
  await store('4242 4242 4242 4242');
  await expect(page.getByText('Card VISA •••• 4242 stored.')).toBeVisible();
  await store('5555 5555 5555 4444');
  await expect(page.getByText('Card MASTERCARD •••• 4444 stored.')).toBeVisible();
  const visa = page.getByRole('row', { name: /VISA •••• 4242/ });
  const mastercard = page.getByRole('row', { name: /MASTERCARD •••• 4444/ });
  await expect(visa).toContainText('Default');
  await expect(mastercard).toContainText('07/2031');
  await expectNoViolations(page, 'payment methods');

  await page.getByRole('button', { name: 'Make default •••• 4444' }).click();
  await expect(mastercard).toContainText('Default');
  await page.getByRole('button', { name: 'Remove •••• 4242' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the card •••• 4242?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /VISA •••• 4242/ })).toHaveCount(0);

  // Checkout offers the stored card.
  await page.getByRole('link', { name: 'Partner Portal' }).click();
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: /^RubyMine/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).first().click();
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByRole('radio', { name: 'MASTERCARD •••• 4444 (expires 07/2031)' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('region', { name: /^Invoice / })).toContainText(
    'Paid with MASTERCARD •••• 4444.',
  );
});
