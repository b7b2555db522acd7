import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoViolations, logIn } from './helpers.ts';

test("vendor staff record the payment of Demo Reseller's unpaid invoice; the partner's billing user sees it Paid", async ({
  page,
  browser,
}) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel('Email').fill('staff@vendor.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  const row = page.getByRole('row', { name: /INV-2026-000102/ });
  await expect(row).toContainText('Demo Reseller');
  await expect(row).toContainText('Not Paid');
  await expectNoViolations(page, 'back office invoices');

  await page.getByRole('button', { name: 'Record payment of INV-2026-000102' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record payment of INV-2026-000102' });
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(page.getByText('INV-2026-000102 is Paid.')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Paid' });
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row', { name: /INV-2026-000102/ })).toContainText('Paid');

  const billing = await (await browser.newContext()).newPage();
  await logIn(billing, 'billing@demo-reseller.test');
  await billing.goto('/invoices/INV-2026-000102');
  await expect(billing.getByRole('heading', { name: 'Invoice INV-2026-000102' })).toBeVisible();
  await expect(billing.getByText('Paid', { exact: true })).toBeVisible();
  await billing.context().close();

  // The partner's admin sees who recorded it, in the audit log.
  const partnerAdmin = await (await browser.newContext()).newPage();
  await logIn(partnerAdmin, 'admin@demo-reseller.test');
  await partnerAdmin.goto('/company/audit?action=invoice.');
  await expect(partnerAdmin.getByRole('row', { name: /invoice\.paid/ })).toContainText(
    'Vera Vendor (vendor staff)',
  );
  await partnerAdmin.context().close();
});

test('vendor staff see partners and their users, and make a direct quote for an account', async ({
  page,
}) => {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill('staff@vendor.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await page.getByRole('link', { name: 'Partners' }).click();
  await expect(page.getByRole('heading', { name: 'Partners' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Demo Reseller/ })).toContainText('USD');
  await page.getByRole('button', { name: 'Users of Demo Reseller' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('billing@demo-reseller.test');
  await expectNoViolations(page, 'back office partners');
  const form = page.getByRole('region', { name: 'New partner' });
  await form.getByLabel('Partner name').fill('Parceiro Novo Ltda');
  await form.getByLabel('Country').fill('BR');
  await form.getByLabel('Currency').selectOption('BRL');
  await form.getByLabel('First admin’s email').fill('chefe@parceiro-novo.test');
  await form.getByLabel('First admin’s name').fill('Chefe Novo');
  await form.getByRole('button', { name: 'Create partner and invite its admin' }).click();
  await expect(page.getByText('Parceiro Novo Ltda created; its admin is invited by email.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Parceiro Novo Ltda/ })).toContainText('BRL');

  await page.getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  await expect(page.getByLabel('USD price of IntelliJ IDEA Ultimate')).toBeVisible();
  const quote = page.getByRole('region', { name: 'Vendor direct quote' });
  await quote.getByLabel('Customer ID').fill('6703615');
  await quote.getByLabel('Product code').fill('PY');
  await quote.getByLabel('Licensee name').fill('Acme IT');
  await quote.getByLabel('Licensee email').fill('it@acme.test');
  await quote.getByLabel('Company (bill to)').fill('Acme Corp');
  await quote.getByLabel('Address').fill('1 Acme Way');
  await quote.getByLabel('City').fill('Springfield');
  await quote.getByLabel('Postal code').fill('12345');
  await quote.getByRole('button', { name: 'Make direct quote' }).click();
  await expect(page.getByText(/^Direct quote Q-2026-\d{6} made: valid 30 days\.$/)).toBeVisible();
});
