import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations, logIn, openAccountById } from './helpers.ts';

/** Cart → Checkout → the quote's form → the payment page of the new quote. */
async function checkoutOf(page: Page, product: RegExp) {
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: product }).first().click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).first().click();
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { name: /^Checkout: quote Q-\d{4}-\d{6}$/ })).toBeVisible();
}

async function enterCard(page: Page, number: string) {
  const form = page.frameLocator('iframe[title="Card payment"]');
  await form.getByLabel('Card number').fill(number);
  await form.getByLabel('Expiry (MM/YY)').fill('12/35');
  await form.getByLabel('Security code (CVC)').fill('123');
  await form.getByRole('button', { name: 'Use this card' }).click();
  return form;
}

test('a card purchase through the sandbox hosted form: a decline, then a card that asks the bank, and the order page', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await checkoutOf(page, /CLion/);
  await expectNoViolations(page, 'checkout');

  // Place order before any card: told to enter one.
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Enter the card in the payment form first.' }),
  ).toBeVisible();

  // A declined card: nothing is ordered, the form starts again.
  await enterCard(page, '4000 0000 0000 0002');
  await expect(page.getByText('Card VISA •••• 0002 ready.')).toBeVisible();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The card was declined. Use another card.' }),
  ).toBeVisible();

  // A card whose bank asks for approval (3-D Secure-like), approved in the provider's form.
  const form = await enterCard(page, '4000 0000 0000 3220');
  await expect(form.getByRole('heading', { name: 'Confirm the payment with your bank' })).toBeVisible();
  await form.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Card VISA •••• 3220 ready.')).toBeVisible();
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('heading', { name: /^Order R-\d{4}-\d{6}$/ })).toBeVisible();
  const invoice = page.getByRole('region', { name: /^Invoice INV-\d{4}-\d{6}$/ });
  await expect(invoice).toContainText('Online');
  await expect(invoice).toContainText('Paid');
  await expect(invoice).toContainText('Paid with VISA •••• 3220.');
  await expect(page.getByRole('region', { name: '1 license' })).toContainText('CLion');
  await expectNoViolations(page, 'order page');

  // The keys are on the order; the activation email takes them to the licensee.
  const key =
    (await page.getByRole('region', { name: '1 license' }).getByRole('cell').nth(2).textContent()) ?? '';
  expect(key).toMatch(/^[A-Z0-9]{10}-/);
  await page.getByRole('button', { name: 'Send activation email' }).click();
  await expect(page.getByText('Activation email sent to ada@acme.test.')).toBeVisible();

  // The partner's email about the order, with the way back to it.
  const orderNumber = ((await page.getByRole('heading', { name: /^Order / }).textContent()) ?? '').replace(
    'Order ',
    '',
  );
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await page.getByRole('link', { name: `Order ${orderNumber} placed for Acme Corp` }).click();
  const body = page.frameLocator(`iframe[title="Order ${orderNumber} placed for Acme Corp"]`);
  await expect(body.getByRole('link', { name: 'Open the order in Partner Portal' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the mailbox' }).click();
  await page.getByRole('link', { name: 'Your licenses from Demo Reseller' }).first().click();
  await expect(page.getByText(key, { exact: false }).first()).toBeVisible();
});

test('a postpaid order against a quote: an unpaid invoice due in 30 days', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await checkoutOf(page, /DataGrip/);
  await page.getByRole('radio', { name: /^Postpaid/ }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  const invoice = page.getByRole('region', { name: /^Invoice INV-/ });
  await expect(invoice).toContainText('Postpaid');
  await expect(invoice).toContainText('Not Paid');
  await expect(invoice).toContainText(/due on \d{2}\/\d{2}\/\d{4}\./);
});
