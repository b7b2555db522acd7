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
  await expect(
    partnerAdmin.getByText(
      /^Vera Vendor \(vendor staff\) recorded the payment of invoice INV-2026-000102 for Globex Ltda — /,
    ),
  ).toBeVisible();
  await partnerAdmin.context().close();
});

test('vendor staff see partners and their users, and create a partner', async ({ page }) => {
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
});

test('vendor staff change a price only on Save and Confirm: a slip is refused next to the field, Cancel changes nothing', async ({
  page,
}) => {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill('staff@vendor.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await page.getByRole('link', { name: 'Catalog' }).click();
  const field = page.getByRole('textbox', { name: 'USD price of DataSpell' });
  const save = page.getByRole('button', { name: 'Save USD price of DataSpell' });
  /** The price the API answers now, in cents (the browser's staff session). */
  const livePrice = async () => {
    const products = (await (await page.request.get('/api/admin/products')).json()).items as {
      code: string;
      prices: { currency: string; yearlyListMinor: number }[];
    }[];
    return products.find((p) => p.code === 'DS')?.prices.find((p) => p.currency === 'USD')?.yearlyListMinor;
  };
  await expect(field).toHaveValue('229.00');
  expect(await livePrice()).toBe(22_900);

  // "-5" and leaving the field: refused next to it, nothing sent, no dialog even on Save.
  await field.fill('-5');
  await field.blur();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter an amount such as 599.90')).toBeVisible();
  await save.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoViolations(page, 'back office catalog, a refused price');
  await field.fill('0');
  await field.blur();
  await expect(page.getByText('A price is more than zero.')).toBeVisible();
  expect(await livePrice()).toBe(22_900);

  // A valid price: Save asks first, with the old and the new price; Cancel leaves it as it was.
  await field.fill('245.5');
  await save.click();
  const dialog = page.getByRole('dialog', { name: 'Change the USD price of DataSpell?' });
  await expect(dialog).toContainText('DataSpell, USD: $229.00 → $245.50 a seat per year.');
  await expectNoViolations(page, 'back office price confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await livePrice()).toBe(22_900);

  // Again, and Confirm: the price changes.
  await save.click();
  await dialog.getByRole('button', { name: 'Change price' }).click();
  await expect(page.getByText('DataSpell: $245.50 a year.')).toBeVisible();
  await expect.poll(livePrice).toBe(24_550);
  await expect(field).toHaveValue('245.50');
  await expect(save).toHaveCount(0);

  // Leave the shared demo data as it was.
  await field.fill('229');
  await save.click();
  await dialog.getByRole('button', { name: 'Change price' }).click();
  await expect.poll(livePrice).toBe(22_900);
});
