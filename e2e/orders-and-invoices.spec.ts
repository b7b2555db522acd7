import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, logOut, smtpMessages } from './helpers.ts';

test('Orders: search with no account open, the order page, Send activation email, then Resend licenses over SMTP', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
  for (const number of ['R-2026-000101', 'R-2026-000102', 'R-2026-000103', 'R-2026-000104'])
    await expect(page.getByRole('link', { name: number })).toBeVisible();
  await expectNoViolations(page, 'orders');

  await page.getByLabel('Search orders').fill('PO-GLX-2026-02');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: /^R-2026-\d{6}$/ })).toHaveCount(1);
  await page.getByRole('link', { name: 'R-2026-000103' }).click();
  await expect(page.getByRole('heading', { name: 'Order R-2026-000103' })).toBeVisible();
  await expect(page.getByRole('region', { name: '3 licenses' })).toBeVisible();

  await page.getByRole('button', { name: 'Send activation email' }).click();
  await expect(page.getByText('Activation email sent to licensing@globex.test.')).toBeVisible();
  await page.getByRole('button', { name: 'Resend licenses' }).click();
  await expect(page.getByText('Licenses sent to licensing@globex.test.')).toBeVisible();
  // Both emails went out over SMTP to the licensee, with the order's license keys.
  const keys = await page
    .getByRole('region', { name: 'Licenses' })
    .locator('td >> text=/^[A-Z0-9]{10}-/')
    .allTextContents();
  expect(keys).toHaveLength(3);
  await expect
    .poll(async () => (await smtpMessages()).filter((m) => m.to === 'licensing@globex.test').length)
    .toBeGreaterThanOrEqual(2);
  const last = (await smtpMessages()).filter((m) => m.to === 'licensing@globex.test').at(-1);
  for (const key of keys) expect(last?.text).toContain(key);
});

test('Renew from an order: the Product Catalog with a renewal cart, the license in its window', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await page.goto('/orders/R-2026-000104');
  await page.getByRole('button', { name: 'Renew' }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'Renewal of order R-2026-000104' });
  await expect(notice).toContainText('1 license is in the cart for a year');
  await expect(page.getByRole('banner').getByText('Globex Ltda')).toBeVisible();
  const cart = page.getByRole('region', { name: 'Cart' });
  await expect(cart.getByText('PhpStorm')).toBeVisible();
  // Leave the shared demo data as it was: the line goes again.
  await cart
    .getByRole('button', { name: /^Remove/ })
    .first()
    .click();
  await expect(cart.getByText('PhpStorm')).toHaveCount(0);
});

test('Invoices: the overdue warning, the pink overdue row, filters, an invoice with Print and PDF', async ({
  page,
}) => {
  await logIn(page, 'billing@demo-reseller.test');
  const tab = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Invoices/ });
  await expect(tab.getByRole('img', { name: '1 unpaid invoice is past due' })).toBeVisible();
  await tab.click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  const overdue = page.getByRole('row', { name: /INV-2026-000103/ });
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toHaveCSS('background-color', 'rgb(255, 222, 235)');
  await expect(page.getByRole('row', { name: /INV-2026-000102/ })).not.toContainText('Overdue');
  await expect(page.getByRole('row', { name: /INV-2026-000104/ })).toContainText('Credit Note');
  await page.getByRole('link', { name: 'INV-2026-000104' }).click();
  const note = await page.request.get(
    (await page.getByRole('link', { name: 'Credit note PDF' }).getAttribute('href')) ?? '',
  );
  expect(note.headers()['content-type']).toBe('application/pdf');
  await page.getByRole('link', { name: 'Back to Invoices' }).click();
  await expectNoViolations(page, 'invoices');

  await page.getByLabel('Status').selectOption({ label: 'Overdue' });
  await expect(page.getByRole('link', { name: /^INV-2026-\d{6}$/ })).toHaveCount(1);
  await page.getByRole('link', { name: 'INV-2026-000103' }).click();
  await expect(page.getByRole('heading', { name: 'Invoice INV-2026-000103' })).toBeVisible();
  await expect(page.getByText('PO-GLX-2026-02')).toBeVisible();
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: 'PDF' }).getAttribute('href')) ?? '',
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await page.getByRole('link', { name: 'Print' }).click();
  await expect(page).toHaveURL(/\/invoices\/INV-2026-000103\/print$/);
  await expect(page.getByRole('heading', { name: 'Invoice INV-2026-000103' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('an unknown order number: Order not found, in English and in Português, with the way back to Orders', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await page.goto('/orders/R-2026-999999');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await expect(page.getByText('There is no order R-2026-999999 for your organisation.')).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  // Not an order number at all: the same page, not an error.
  await page.goto('/orders/not-an-order');
  await expect(page.getByRole('heading', { name: 'Order not found' })).toBeVisible();
  await expectNoViolations(page, 'order not found');
  await page.getByRole('link', { name: 'Back to Orders' }).click();
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();

  // Another partner's order is not found either (a Brazilian partner, who works in Português).
  await logOut(page);
  await logIn(page, 'admin@outro-revendedor.test');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await page.goto('/orders/R-2026-000103');
  await expect(page.getByRole('heading', { name: 'Pedido não encontrado' })).toBeVisible();
  await expect(page.getByText('Não existe o pedido R-2026-000103 para a sua organização.')).toBeVisible();
  await expect(page.getByText('Algo deu errado')).toHaveCount(0);
  await page.getByRole('link', { name: 'Voltar para Pedidos' }).click();
  await expect(page.getByRole('heading', { name: 'Pedidos' })).toBeVisible();
  // An invoice the same way.
  await page.goto('/invoices/INV-2026-000103');
  await expect(page.getByRole('heading', { name: 'Fatura não encontrada' })).toBeVisible();
  await expect(page.getByText('Não existe a fatura INV-2026-000103 para a sua organização.')).toBeVisible();
  await page.getByRole('link', { name: 'Voltar para Faturas' }).click();
  await expect(page.getByRole('heading', { name: 'Faturas' })).toBeVisible();
});
