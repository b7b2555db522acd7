import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, chooseState, expectNoViolations, logIn } from './helpers.ts';

// Addresses by country (issue 18): State and ZIP code in the US, UF and CEP in Brazil, a free
// postal code elsewhere; and a form with several problems shows every one of them at once.

async function openCompanyProfile(page: Page, link: 'Company profile' | 'Perfil da empresa') {
  await page.getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { name: link })).toBeVisible();
}

async function chooseCountry(page: Page, label: 'Country' | 'País', typed: string, option: string) {
  const country = page.getByRole('combobox', { name: label });
  await country.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('in English, a US address has a State and a ZIP code, a Brazilian one a UF and a CEP; every problem shows at once', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await openCompanyProfile(page, 'Company profile');

  // The address on file is in the US: its State and ZIP code.
  await expect(page.getByRole('combobox', { name: 'State', exact: true })).toHaveValue('California (CA)');
  await expect(page.getByRole('textbox', { name: 'ZIP code' })).toHaveValue('94105');

  // Several problems, each next to its field, in one go.
  await page.getByLabel('Company name').fill('');
  await page.getByLabel('City').fill(' ');
  await page.getByRole('textbox', { name: 'ZIP code' }).fill('9410');
  await page.getByRole('textbox', { name: 'EIN (Employer Identification Number)' }).fill('12-345');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText('This field is required.')).toHaveCount(2);
  await expect(page.getByText('Enter a ZIP code of 5 or 9 digits, e.g. 94105 or 94105-1234.')).toBeVisible();
  await expect(page.getByText('Enter an EIN of 9 digits, e.g. 12-3456789.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Company name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'ZIP code' })).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'company profile, several errors at once');

  // In Brazil the same fields are the UF and the CEP; neither is known yet.
  await chooseCountry(page, 'Country', 'brazil', 'Brazil (BR)');
  await expect(page.getByRole('combobox', { name: 'State', exact: true })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'CEP' }).fill('0131010');
  await page.getByRole('button', { name: 'Save billing address' }).click();
  await expect(page.getByText('Choose the state.')).toBeVisible();
  await expect(page.getByText('Enter a CEP of 8 digits, e.g. 01310-100.')).toBeVisible();
  await chooseState(page, 'UF', 'São Paulo (SP)');
  await expect(page.getByText('Choose the state.')).toHaveCount(0);
  await expectNoViolations(page, 'company profile, a Brazilian address');

  // Elsewhere, a postal code of any form and no state.
  await chooseCountry(page, 'Country', 'germany', 'Germany (DE)');
  await expect(page.getByRole('textbox', { name: 'Postal code' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'UF', exact: true })).toHaveCount(0);

  // Nothing was saved: the address on file is the US one still.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'State', exact: true })).toHaveValue('California (CA)');
});

test('em Português, um endereço no Brasil tem UF e CEP (8 dígitos viram 00000-000), nos EUA Estado e ZIP code; todos os erros de uma vez', async ({
  page,
}) => {
  await logIn(page, 'admin@outro-revendedor.test');
  await chooseLanguage(page, 'Português (Brasil)');
  await openCompanyProfile(page, 'Perfil da empresa');
  await expect(page.getByRole('combobox', { name: 'UF', exact: true })).toHaveValue('São Paulo (SP)');
  const cep = page.getByRole('textbox', { name: 'CEP' });
  await expect(cep).toHaveValue('01310-100');

  // The CEP typed as 8 digits is kept as 00000-000 (the same address as before, so nothing changes).
  await cep.fill('01310100');
  await page.getByRole('button', { name: 'Salvar endereço de cobrança' }).click();
  await expect(page.getByText('Endereço de cobrança salvo.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'CEP' })).toHaveValue('01310-100');

  // Several problems at once, in Portuguese.
  await page.getByLabel('Razão social').fill('');
  await page.getByRole('textbox', { name: 'CEP' }).fill('1234');
  await page.getByRole('textbox', { name: 'CNPJ' }).fill('11.222.333/0001-82');
  await page.getByRole('button', { name: 'Salvar endereço de cobrança' }).click();
  await expect(page.getByText('Este campo é obrigatório.')).toHaveCount(1);
  await expect(page.getByText('Informe um CEP de 8 dígitos, p. ex. 01310-100.')).toBeVisible();
  await expect(page.getByText(/^Informe um CNPJ válido/)).toBeVisible();
  await expectNoViolations(page, 'perfil da empresa, vários erros de uma vez');

  // In the US: Estado and ZIP code.
  await chooseCountry(page, 'País', 'estados unidos', 'Estados Unidos (US)');
  await chooseState(page, 'Estado', 'Texas (TX)');
  await page.getByRole('textbox', { name: 'ZIP code' }).fill('7870');
  await page.getByRole('button', { name: 'Salvar endereço de cobrança' }).click();
  await expect(
    page.getByText('Informe um ZIP code de 5 ou 9 dígitos, p. ex. 94105 ou 94105-1234.'),
  ).toBeVisible();
  await expectNoViolations(page, 'perfil da empresa, endereço nos EUA');

  // Nothing of this was saved.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'UF', exact: true })).toHaveValue('São Paulo (SP)');
});
