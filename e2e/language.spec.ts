import { expect, test } from '@playwright/test';
import { chooseLanguage, logIn, snapshot } from './helpers.ts';

test('switching to Português translates the labels and formats money and dates per locale', async ({
  page,
}) => {
  await page.goto('/');
  await snapshot(page, '01-login');
  await logIn(page, 'admin@outro-revendedor.test');
  // In whichever language an earlier test left this user.
  await chooseLanguage(page, 'Português (Brasil)');

  await expect(page.getByRole('link', { name: 'Orçamentos' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pesquisar', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

  await page.getByRole('textbox').first().fill('7012345');
  await page.getByRole('button', { name: 'Pesquisar', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('licensing@globex.test');
  await dialog.getByRole('button').filter({ hasText: /conta/i }).last().click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Catálogo de Produtos', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Catálogo de Produtos' })).toBeVisible();
  // All Products Pack in BRL: list R$ 4.290,00, 10 % partner discount → R$ 3.861,00.
  await page.getByRole('button', { name: /All Products Pack/ }).click();
  await expect(page.getByText('R$ 4.290,00').first()).toBeVisible();
  await expect(
    page.getByText('Todas as IDEs e ferramentas de desktop em uma única assinatura.'),
  ).toBeVisible();
  await expect(page.getByText('R$ 3.861,00').first()).toBeVisible();
  await page.getByRole('button', { name: 'Adicionar ao carrinho' }).click();
  await expect(page.getByTestId('totals-total')).toHaveText('R$ 3.861,00');
  await expect(page.getByRole('button', { name: 'Obter Orçamento' })).toBeEnabled();
  // Dates as dd/mm/yyyy.
  await expect(page.getByRole('row', { name: /All Products Pack/ })).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await snapshot(page, '08-catalog-pt-BR');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Orçamentos' })).toBeVisible();
});

test('the billing role sees no customer or quote actions', async ({ page }) => {
  await logIn(page, 'billing@demo-reseller.test');
  await expect(page.getByText(/has no access to customer accounts or quotes/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quotes' })).toHaveCount(0);
  await expect(page.getByLabel('Search customers')).toHaveCount(0);
});

test('a wrong password is reported next to the field', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('sales@demo-reseller.test');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
});
