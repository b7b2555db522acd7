import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, expectNoViolations, logIn, openAccountById, openSearchLicenses } from './helpers.ts';

// Updates & Renewals on arrival (issue 18). The demo's Acme has, by end date from today: GoLand
// (-250, expired), WebStorm (-40, lapsed), All Products Pack (30), IntelliJ IDEA Ultimate (65),
// YouTrack Cloud (120) and PyCharm (200); dev1@acme.test is assigned IntelliJ IDEA and PyCharm.

/** The products the list shows, top to bottom. */
async function listedProducts(page: Page, region: string) {
  const rows = page.getByRole('region', { name: region }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td, th')?.textContent ?? ''));
}
const name = (products: string[]) =>
  products.map((p) =>
    ['GoLand', 'WebStorm', 'All Products Pack', 'IntelliJ IDEA Ultimate', 'YouTrack', 'PyCharm'].find((n) =>
      p.includes(n),
    ),
  );

test('Updates & Renewals lists the account at once, filters by end, narrows by search, keeps its state, and leads to the cart', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Updates & Renewals' }).click();
  const list = 'Subscriptions of this account';

  // On arrival: every subscription, soonest ending first, without a search.
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect(page.getByRole('region', { name: list }).getByRole('table')).toContainText('GoLand');
  // The demo's subscriptions come first; what earlier specs bought today ends a year or more later.
  const demoSubscriptions = [
    'GoLand',
    'WebStorm',
    'All Products Pack',
    'IntelliJ IDEA Ultimate',
    'YouTrack',
    'PyCharm',
  ];
  const soonestEnding = async () => name(await listedProducts(page, list)).slice(0, demoSubscriptions.length);
  expect(await soonestEnding()).toEqual(demoSubscriptions);
  await expectNoViolations(page, 'Updates & Renewals on arrival');

  // Each filter, kept in the URL.
  const shows = async (label: string, products: string[]) => {
    await page.getByText(label, { exact: true }).click();
    await expect(page.getByRole('radio', { name: label })).toBeChecked();
    await expect.poll(async () => name(await listedProducts(page, list))).toEqual(products);
  };
  await shows('Ending in 30 days', ['All Products Pack']);
  await expect(page).toHaveURL(/[?&]show=ending30/);
  await shows('Ending in 60 days', ['All Products Pack']);
  await shows('Ending in 90 days', ['All Products Pack', 'IntelliJ IDEA Ultimate']);
  await shows('Lapsed', ['WebStorm']);
  await page.getByText('All', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
  await expect.poll(soonestEnding).toEqual(demoSubscriptions);

  // The search narrows the chosen filter: dev1's IntelliJ IDEA ends within 90 days, PyCharm does not.
  await shows('Ending in 90 days', ['All Products Pack', 'IntelliJ IDEA Ultimate']);
  const dialog = await openSearchLicenses(page);
  await dialog.getByRole('radio', { name: 'Invited user email' }).check();
  await dialog.getByRole('textbox', { name: 'Invited user email' }).fill('dev1@acme.test');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog).toBeHidden();
  const results = 'Search results';
  await expect(page.getByText('Search: dev1@acme.test')).toBeVisible();
  await expect
    .poll(async () => name(await listedProducts(page, results)))
    .toEqual(['IntelliJ IDEA Ultimate']);
  await expectNoViolations(page, 'Updates & Renewals narrowed by a search');

  // Leaving the tab and coming back: the same filter and search, from the top bar's link.
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await page.getByRole('link', { name: 'Updates & Renewals' }).click();
  await expect(page).toHaveURL(/show=ending90/);
  await expect(page.getByRole('radio', { name: 'Ending in 90 days' })).toBeChecked();
  await expect(page.getByText('Search: dev1@acme.test')).toBeVisible();
  expect(name(await listedProducts(page, results))).toEqual(['IntelliJ IDEA Ultimate']);
  // And back to the filter alone.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect
    .poll(async () => name(await listedProducts(page, list)))
    .toEqual(['All Products Pack', 'IntelliJ IDEA Ultimate']);

  // Renew, then View cart: the Product Catalog, scrolled to its cart, with the renewal in it.
  const row = page.getByRole('region', { name: list }).getByRole('row', { name: /IntelliJ IDEA Ultimate/ });
  await row.getByRole('button', { name: 'Renew', exact: true }).click();
  const toast = page.locator('.mantine-Notification-root', {
    hasText: 'Renewal of 3 IntelliJ IDEA Ultimate seats added to the cart.',
  });
  await expect(toast).toBeVisible();
  await expectNoViolations(page, 'renewal added, with View cart');
  await toast.getByRole('link', { name: 'View cart' }).click();
  await expect(page).toHaveURL(/\/catalog#cart$/);
  const cart = page.locator('#cart');
  await expect(cart).toBeInViewport();
  const renewal = cart.getByRole('row', { name: /IntelliJ IDEA Ultimate/ }).filter({ hasText: 'Renewal' });
  await expect(renewal).toContainText('OIY94JBDUQ');
  // Taken out again: the specs after this one renew the same pack from an empty cart.
  await renewal.getByRole('button', { name: 'Remove IntelliJ IDEA Ultimate' }).click();
  await expect(renewal).toHaveCount(0);
});

test('Atualizações e Renovações: the filters and the list in Português', async ({ page }) => {
  // Another user than the first test's, so each starts from its own choices; back to English at the end.
  await logIn(page, 'admin@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await chooseLanguage(page, 'Português (Brasil)');
  try {
    await page.getByRole('link', { name: 'Atualizações e Renovações' }).click();

    const list = 'Assinaturas desta conta';
    await expect(page.getByRole('radio', { name: 'Todas' })).toBeChecked();
    for (const label of [
      'Terminam em 30 dias',
      'Terminam em 60 dias',
      'Terminam em 90 dias',
      'Encerradas, renováveis',
    ])
      await expect(page.getByText(label, { exact: true })).toBeVisible();
    await page.getByText('Encerradas, renováveis', { exact: true }).click();
    await expect.poll(async () => name(await listedProducts(page, list))).toEqual(['WebStorm']);
    await expect(page.getByRole('region', { name: list })).toContainText('Encerrada, renovável');
    await expectNoViolations(page, 'Atualizações e Renovações');

    // View cart in Português.
    await page
      .getByRole('region', { name: list })
      .getByRole('button', { name: 'Renovar', exact: true })
      .click();
    const toast = page.locator('.mantine-Notification-root', { hasText: 'adicionada ao carrinho' });
    await toast.getByRole('link', { name: 'Ver carrinho' }).click();
    await expect(page).toHaveURL(/\/catalog#cart$/);
    const cart = page.locator('#cart');
    await expect(cart).toBeInViewport();
    const renewal = cart.getByRole('row', { name: /WebStorm/ }).filter({ hasText: 'Renovação' });
    await renewal.getByRole('button', { name: 'Remover WebStorm' }).click();
    await expect(renewal).toHaveCount(0);
  } finally {
    // The language is the user's, kept by the server: the specs after this one expect English.
    await chooseLanguage(page, 'English');
  }
});
