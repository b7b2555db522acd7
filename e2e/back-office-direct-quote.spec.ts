import { expect, type Page, test } from '@playwright/test';
import {
  chooseState,
  createQuoteFromForm,
  DEMO_PASSWORD,
  expectNoViolations,
  logIn,
  openAccountById,
  searchCustomers,
} from './helpers.ts';

async function staffLogIn(page: Page) {
  await page.goto('/admin/login');
  await page.getByLabel(/^(Email|E-mail)$/).fill('staff@vendor.test');
  await page.getByLabel(/^(Password|Senha)$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Log in|Entrar)$/ }).click();
  await expect(page.getByRole('heading', { name: /^(Invoices|Faturas)$/ })).toBeVisible();
}

async function chooseProduct(page: Page, n: number, option: string) {
  await page.getByRole('combobox', { name: `Product ${n}` }).click();
  await page.getByRole('option', { name: option }).click();
}

test('vendor staff make a direct quote of several products on its own page: every problem at once, then a quote a partner converts', async ({
  page,
  browser,
}) => {
  // Two people's sessions, one after the other.
  test.slow();
  await staffLogIn(page);
  await page.getByRole('link', { name: 'Vendor direct quote' }).click();
  await expect(page.getByRole('heading', { name: 'Vendor direct quote' })).toBeVisible();

  // Sent empty: each missing field says so, all at once.
  await page.getByRole('button', { name: 'Make direct quote' }).click();
  const form = page.getByRole('form', { name: 'Vendor direct quote' });
  await expect(form.getByText('This field is required.')).not.toHaveCount(0);
  expect(await form.getByText('This field is required.').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('textbox', { name: 'Customer ID' })).toBeFocused();
  await expectNoViolations(page, 'direct quote with errors');

  await page.getByRole('textbox', { name: 'Customer ID' }).fill('6703615');
  await chooseProduct(page, 1, 'PyCharm Professional (PY)');
  await page.getByRole('button', { name: 'Add a product' }).click();
  await chooseProduct(page, 2, 'IntelliJ IDEA Ultimate (II)');
  await page.getByRole('textbox', { name: 'Seats 2' }).fill('3');
  await page.getByRole('combobox', { name: 'Term 2' }).selectOption('2 years');
  // A third row added by mistake goes again; the others keep what was chosen.
  await page.getByRole('button', { name: 'Add a product' }).click();
  await page.getByRole('button', { name: 'Remove product line 3' }).click();
  await expect(page.getByRole('group', { name: /^Product line \d$/ })).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: 'Product 2' })).toHaveValue('IntelliJ IDEA Ultimate (II)');

  await page.getByLabel('Licensee name').fill('Acme IT');
  await page.getByLabel('Licensee email').fill('it@acme.test');
  await page.getByLabel('Company name').fill('Acme Corp');
  await page.getByLabel('Address line 1').fill('1 Acme Way');
  await page.getByLabel('City').fill('Springfield');
  await page.getByRole('combobox', { name: 'Country' }).fill('united states');
  await page.getByRole('option', { name: 'United States (US)' }).click();
  await chooseState(page, 'State', 'Illinois (IL)');
  await page.getByLabel('ZIP code').fill('62701');
  await page.getByRole('button', { name: 'Make direct quote' }).click();
  const made = page.getByRole('status').filter({ hasText: /^Direct quote made/ });
  await expect(made).toContainText(/Direct quote Q-\d{4}-\d{6} made: valid 30 days\./);
  const quoteNumber = /Q-\d{4}-\d{6}/.exec((await made.textContent()) ?? '')?.[0] ?? '';

  // The customer gives the number to a partner: both products are on it, at their terms.
  const partner = await (await browser.newContext()).newPage();
  await logIn(partner, 'sales@demo-reseller.test');
  await searchCustomers(partner, quoteNumber);
  const dialog = partner.getByRole('dialog', { name: `Convert direct quote ${quoteNumber}` });
  await expect(dialog.getByText('1 × PyCharm Professional, 1 year')).toBeVisible();
  await expect(dialog.getByText('3 × IntelliJ IDEA Ultimate, 2 years')).toBeVisible();
  await partner.context().close();
});

test('vendor staff read the emails the portal sent in the back office’s Mailbox (demo mode)', async ({
  page,
  browser,
}) => {
  // Two people's sessions, one after the other.
  test.slow();
  // A partner sends a quote by email…
  const partner = await (await browser.newContext()).newPage();
  await logIn(partner, 'sales@demo-reseller.test');
  await openAccountById(partner, '6703615', 'it@acme.test');
  await partner.getByRole('button', { name: /Rider/ }).click();
  await partner.getByRole('button', { name: 'Add to cart' }).click();
  await partner.getByRole('button', { name: 'Get Quote' }).first().click();
  await partner.getByLabel('Also send the quote to this email').fill('staff-check@acme.test');
  // Which copy the email carries is chosen, never defaulted.
  await partner.getByRole('radio', { name: 'Customer copy' }).check();
  await createQuoteFromForm(partner);
  const title = partner.getByRole('heading', { name: /^Quote Q-\d{4}-\d{6}$/ });
  const quoteNumber = ((await title.textContent()) ?? '').replace('Quote ', '');
  await partner.context().close();

  // …and vendor staff find it in their Mailbox.
  await staffLogIn(page);
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox$/);
  await expect(page.getByRole('heading', { name: 'Development mailbox' })).toBeVisible();
  // (On the list: axe waits forever on an email's sandboxed frame, which runs no script.)
  await expectNoViolations(page, 'back office mailbox');
  await page.getByRole('link', { name: `Quote ${quoteNumber} from Demo Reseller` }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox\/[^/]+$/);
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber} from Demo Reseller` })).toBeVisible();
  await expect(page.getByText('To: staff-check@acme.test', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the mailbox' }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox$/);
});

test.describe('em Português', () => {
  test.use({ locale: 'pt-BR' });

  test('a equipe do fornecedor vê todos os erros do orçamento direto de uma vez, em Português', async ({
    page,
  }) => {
    await staffLogIn(page);
    await page.getByRole('link', { name: 'Orçamento direto do fornecedor' }).click();
    await expect(page.getByRole('heading', { name: 'Orçamento direto do fornecedor' })).toBeVisible();
    await page.getByRole('textbox', { name: 'ID do cliente' }).fill('670361');
    await page.getByRole('button', { name: 'Fazer orçamento direto' }).click();
    await expect(page.getByText('Um ID do cliente tem 7 dígitos, p. ex. 6703615.')).toBeVisible();
    expect(await page.getByText('Este campo é obrigatório.').count()).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('button', { name: 'Adicionar um produto' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Caixa de correio' })).toBeVisible();
    await expectNoViolations(page, 'orçamento direto com erros');
  });
});
