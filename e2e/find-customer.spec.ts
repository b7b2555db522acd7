import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, expectNoViolations, logIn, logOut, searchCustomers, snapshot } from './helpers.ts';

async function proveEmail(page: Page, email: string) {
  const dialog = page.getByRole('dialog', { name: "Confirm the customer's email" });
  await dialog.getByLabel('Customer email').fill(email);
  await dialog.getByRole('button', { name: 'Open account' }).click();
  await expect(dialog).toBeHidden();
}

const openAccountBanner = (page: Page, name: string) => page.getByRole('banner').getByText(name);

test('a subscription pack number, a License ID and a license key each open Acme after the email step', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  for (const value of ['0220/ulfqxob', 'OIY94JBDUQ', 'OIY94JBDUQ-D3M0K-ACME2-II26X-7QZ4P']) {
    await searchCustomers(page, value);
    await proveEmail(page, 'it@acme.test');
    await expect(openAccountBanner(page, 'Acme Corp')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  }
  // A wrong email gets the same answer as a wrong identifier.
  await searchCustomers(page, 'ZZZZZZZZZZ');
  const dialog = page.getByRole('dialog', { name: "Confirm the customer's email" });
  await expect(dialog.getByText('To open the account with License ID ZZZZZZZZZZ')).toBeVisible();
  await dialog.getByLabel('Customer email').fill('it@acme.test');
  await dialog.getByRole('button', { name: 'Open account' }).click();
  await expect(dialog.getByText('No account matches this identifier and email.')).toBeVisible();
  await expectNoViolations(page, 'email step');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The accounts opened appear under Recently opened; one click starts the lookup again.
  await page.getByRole('link', { name: 'Partner Portal' }).first().click();
  const recent = page.getByRole('region', { name: 'Recently opened' });
  await recent.getByRole('button', { name: /Acme Corp/ }).click();
  await proveEmail(page, 'it@acme.test');
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
});

test('a malformed value says what a valid one looks like; a chosen kind is checked by its format', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await searchCustomers(page, '12-34');
  await expect(page.getByText(/This is none of the five kinds\. A Customer ID has 7 digits/)).toBeVisible();
  await page.getByLabel('Search by').selectOption({ label: 'Subscription pack number' });
  await page.getByLabel('Search customers').fill('1320/ABC');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText(/A subscription pack number looks like 0220\/ULFQXOB/)).toBeVisible();
});

test('a managed account opens without the email step', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await searchCustomers(page, '7012345');
  await expect(openAccountBanner(page, 'Globex Ltda')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a customer email lists its accounts; an unknown one creates a new account that opens at once', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await searchCustomers(page, 'IT@acme.test');
  const accounts = page.getByRole('dialog', { name: 'Accounts of this email' });
  await expect(accounts.getByText('One account is associated with it@acme.test.')).toBeVisible();
  await snapshot(page, 'lookup-accounts-of-email');
  await accounts.getByRole('button', { name: /Acme Corp.*6703615/ }).click();
  await expect(openAccountBanner(page, 'Acme Corp')).toBeVisible();

  await searchCustomers(page, 'buyer@newco.test');
  const create = page.getByRole('dialog', { name: 'Accounts of this email' });
  await expect(create.getByText('No account is associated with buyer@newco.test yet.')).toBeVisible();
  await create.getByRole('button', { name: 'Create account' }).click();
  await expect(create.getByText('This field is required.').first()).toBeVisible();
  await create.getByLabel('Company name').fill('NewCo Ltda');
  await create.getByLabel('Country').fill('Brazil');
  await page.getByRole('option', { name: /Brazil/ }).click();
  await create.getByLabel('Admin contact name').fill('Nina Buyer');
  await expect(create.getByLabel('Admin contact email')).toHaveValue('buyer@newco.test');
  await expectNoViolations(page, 'new account');
  await create.getByRole('button', { name: 'Create account' }).click();
  await expect(openAccountBanner(page, 'NewCo Ltda')).toBeVisible();

  // From now on it opens without the email step, by its new Customer ID.
  const customerId = (
    await page
      .getByRole('banner')
      .getByText(/Customer ID \d{7}/)
      .textContent()
  )?.match(/\d{7}/)?.[0];
  expect(customerId).toBeTruthy();
  await searchCustomers(page, customerId ?? '');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(openAccountBanner(page, 'NewCo Ltda')).toBeVisible();
});

test('a vendor direct quote becomes our quote; an expired or unknown one is refused before any form', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  // Refused at the search bar: no dialog asks for the licensee first.
  await searchCustomers(page, 'Q-2026-000046');
  await expect(page.getByText(/Q-2026-000046 has expired and can no longer be converted/)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await searchCustomers(page, 'Q-2026-999999');
  await expect(page.getByText('There is no direct quote Q-2026-999999.', { exact: false })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await searchCustomers(page, 'q-2026-000045');
  const dialog = page.getByRole('dialog', { name: 'Convert direct quote Q-2026-000045' });
  await expect(dialog.getByText(/^For Acme Corp \(Customer ID 6703615\), valid until /)).toBeVisible();
  await expect(dialog.getByText('5 × IntelliJ IDEA Ultimate, 1 year')).toBeVisible();
  await expectNoViolations(page, 'direct quote dialog');
  await fillLicensee(dialog);
  await dialog.getByRole('button', { name: 'Convert to my quote' }).click();
  await expect(page.getByText('converted from vendor direct quote Q-2026-000045')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Quote Q-2026-\d{6}$/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).toBeVisible();
  await expect(page.getByText('1 Market St')).toBeVisible();
  await snapshot(page, 'converted-direct-quote');

  // Converted once: a second attempt says so at once.
  await searchCustomers(page, 'Q-2026-000045');
  await expect(
    page.getByText('Q-2026-000045 has already been converted into a reseller quote.'),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('em Português: um orçamento direto vencido é recusado antes de qualquer formulário', async ({
  page,
}) => {
  await logIn(page, 'admin@outro-revendedor.test');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  for (const [number, message] of [
    ['Q-2026-000046', 'Q-2026-000046 expirou e não pode mais ser convertido'],
    ['Q-2026-999999', 'Não existe orçamento direto Q-2026-999999.'],
  ] as const) {
    await page.getByRole('link', { name: 'Partner Portal' }).first().click();
    await page.getByLabel('Pesquisar clientes').fill(number);
    await page.getByRole('button', { name: 'Pesquisar', exact: true }).click();
    await expect(page.getByText(message, { exact: false })).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

/** The licensee's contact details; the partner's billing address on file goes on the quote. */
async function fillLicensee(dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByLabel('Licensee name').fill('Acme IT');
  await dialog.getByLabel('Licensee email').fill('it@acme.test');
}

test('em Português: um parceiro brasileiro entra em Português e abre uma conta pelo ID de licença', async ({
  page,
}) => {
  await logIn(page, 'admin@outro-revendedor.test');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await page.getByLabel('Pesquisar clientes').fill('OIY94JBDUQ');
  await page.getByRole('button', { name: 'Pesquisar', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirme o e-mail do cliente' });
  await expect(dialog.getByText('Para abrir a conta com ID de licença OIY94JBDUQ')).toBeVisible();
  await dialog.getByLabel('E-mail do cliente').fill('it@acme.test');
  await dialog.getByRole('button', { name: 'Abrir conta' }).click();
  await expect(page.getByRole('heading', { name: 'Catálogo de Produtos' })).toBeVisible();
  // The language stays the user's choice: English now, and after the next login too.
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('link', { name: 'Quotes' })).toBeVisible();
  await logOut(page);
  await logIn(page, 'admin@outro-revendedor.test');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
