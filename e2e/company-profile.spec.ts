import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, openAccountById } from './helpers.ts';

test('a partner admin keeps the billing address on file, its tax ID checked by country; Get Quote starts from it', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await page.getByRole('link', { name: 'Company profile' }).click();
  await expect(page.getByRole('heading', { name: 'Company profile' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Partner discount/ })).toContainText('15%');

  // A US company: the tax ID is an EIN.
  const ein = page.getByRole('textbox', { name: 'EIN (Employer Identification Number)' });
  await ein.fill('12-345');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText('Enter an EIN of 9 digits, e.g. 12-3456789.')).toBeVisible();
  await ein.fill('123456789');
  await page.getByLabel('Address line 2').fill('Suite 400');
  await expectNoViolations(page, 'company profile');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText('Billing address saved.')).toBeVisible();
  await expect(ein).toHaveValue('123456789');

  // In Brazil it is a CNPJ, with its check digits.
  await page.getByRole('combobox', { name: 'Country' }).fill('brazil');
  await page.getByRole('option', { name: 'Brazil (BR)' }).click();
  const cnpj = page.getByRole('textbox', { name: 'CNPJ' });
  await cnpj.fill('11.222.333/0001-82');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText(/Enter a valid CNPJ/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'EIN (Employer Identification Number)' })).toHaveValue(
    '12-3456789',
  );

  // Get Quote starts from the address on file.
  await page.getByRole('link', { name: 'Partner Portal' }).click();
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page
    .getByRole('button', { name: /IntelliJ IDEA Ultimate/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Get Quote' }).first().click();
  await expect(page.getByLabel('Address line 2')).toHaveValue('Suite 400');
  await expect(page.getByRole('textbox', { name: 'EIN (Employer Identification Number)' })).toHaveValue(
    '12-3456789',
  );

  // Back as it was, for the other tests of the demo data.
  await page.getByRole('link', { name: 'Company profile' }).click();
  await page.getByLabel('Address line 2').fill('');
  await page.getByRole('textbox', { name: 'EIN (Employer Identification Number)' }).fill('');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText('Billing address saved.')).toBeVisible();
});
