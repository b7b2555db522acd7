import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, expectNoViolations, logIn, openAccountById, openSearchLicenses } from './helpers.ts';

async function searchLicenses(page: Page, mode: string, value: string) {
  const dialog = await openSearchLicenses(page);
  await dialog.getByRole('radio', { name: mode }).check();
  await dialog.getByRole('textbox', { name: mode }).fill(value);
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog).toBeHidden();
  return page.getByRole('region', { name: 'Search results' });
}

test('Updates & Renewals: search by order and by domain, the still-active message, an upgrade with its credit, a downgrade at renewal, renewing several at once, and assigning a user', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Updates & Renewals' }).click();

  // By PO number and by order number: the pack the order bought.
  let results = await searchLicenses(page, 'Order number or PO number', 'PO-ACME-2026-7');
  await expect(results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).toContainText(
    'Order R-2026-000017, PO PO-ACME-2026-7',
  );
  results = await searchLicenses(page, 'Order number or PO number', 'R-2026-000017');
  await expect(results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).toContainText('0220/ULFQXOB');

  // By cloud service domain: the YouTrack Cloud subscription, which grants no fallback license.
  results = await searchLicenses(page, 'Cloud service domain', 'ACME.youtrack.cloud');
  const cloud = results.getByRole('row', { name: /YouTrack/ });
  await expect(cloud).toContainText('acme.youtrack.cloud');
  await expect(cloud.getByRole('cell').nth(2)).toHaveText('5');

  // dev1's seats: IntelliJ in its window (Renew), PyCharm still active (only the upgrade, and why).
  results = await searchLicenses(page, 'Invited user email', 'dev1@acme.test');
  const pycharm = results.getByRole('row', { name: /PyCharm/ });
  await expect(pycharm).toContainText(
    /Still active: its renewal window opens on \d{2}\/\d{2}\/\d{4}\. Until then only the upgrade to the All Products Pack is offered\./,
  );
  await expect(pycharm.getByRole('button', { name: 'Renew', exact: true })).toHaveCount(0);
  await expect(
    results
      .getByRole('row', { name: /IntelliJ IDEA Ultimate/ })
      .getByRole('button', { name: 'Renew', exact: true }),
  ).toBeVisible();
  await pycharm.getByRole('button', { name: 'Upgrade to All Products Pack' }).click();
  await expect(
    page.getByText('Upgrade of 1 PyCharm Professional seat to the All Products Pack added to the cart.'),
  ).toBeVisible();

  // lead@acme.test holds an All Products Pack seat inside its window: downgrade it at renewal.
  results = await searchLicenses(page, 'Invited user email', 'lead@acme.test');
  const pack = results.getByRole('row', { name: /All Products Pack/ });
  await expect(pack.getByRole('button', { name: 'Upgrade to All Products Pack' })).toHaveCount(0);
  await pack.getByRole('button', { name: 'Downgrade at renewal' }).click();
  const downgrade = page.getByRole('dialog', { name: 'Downgrade All Products Pack at renewal' });
  await downgrade.getByRole('button', { name: 'Add to cart' }).click();
  await expect(downgrade.getByText('Choose the product the seats are renewed as.')).toBeVisible();
  await downgrade.getByRole('combobox', { name: 'Product after the renewal' }).click();
  await page.getByRole('option', { name: 'IntelliJ IDEA Ultimate' }).click();
  await expectNoViolations(page, 'downgrade dialog');
  await downgrade.getByRole('button', { name: 'Add to cart' }).click();
  await expect(downgrade).toBeHidden();
  await expect(
    page.getByText('Downgrade of 1 All Products Pack seat to IntelliJ IDEA Ultimate added to the cart.'),
  ).toBeVisible();

  // dev2's seats, IntelliJ in its window and WebStorm lapsed 40 days ago: renewed together.
  results = await searchLicenses(page, 'Invited user email', 'dev2@acme.test');
  await expect(results.getByRole('button', { name: 'Renew selected' })).toBeDisabled();
  await results
    .getByRole('checkbox', { name: 'Select IntelliJ IDEA Ultimate (0220/ULFQXOB) to renew together' })
    .check();
  await results.getByRole('checkbox', { name: /^Select WebStorm \(.+\) to renew together$/ }).check();
  await expect(results.getByText('2 subscriptions selected (2 seats)')).toBeVisible();
  await expectNoViolations(page, 'results with several selected');
  await results.getByRole('button', { name: 'Renew selected' }).click();
  await expect(page.getByText('Renewal of 2 seats added to the cart.')).toBeVisible();

  // The cart: the upgrade from today to PyCharm's end, its price, then its credit as its own row
  // (a positive amount, taken off) and the line total; the downgrade from the pack's end for a year.
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  const upgrade = page.getByRole('row', { name: /Upgrade from PyCharm Professional/ });
  await expect(upgrade).toContainText('All Products Pack');
  await expect(upgrade).toContainText('No perpetual fallback license');
  const creditRow = page.getByRole('row', {
    name: /^Credit for unused time of PyCharm Professional \(1 seat, until \d{2}\/\d{2}\/\d{4}\)/,
  });
  await expect(creditRow).toContainText(/\$[\d,]+\.\d{2}/);
  await expect(creditRow).not.toContainText('-');
  await expect(page.getByRole('rowheader', { name: 'Line total' })).toBeVisible();
  await expect(page.getByText(/-\s*credit/i)).toHaveCount(0);
  const credit = page.getByTestId('totals-credit');
  await expect(credit).toHaveText(/^\$[\d,]+\.\d{2}$/);
  // The line's credit (its total column) is the totals' credit: the only upgrade in the cart.
  await expect(creditRow.getByRole('cell').nth(2)).toHaveText((await credit.textContent()) ?? '');
  await expect(
    page.getByRole('rowheader', { name: 'Credit for unused time (included above)' }),
  ).toBeVisible();
  const downgraded = page.getByRole('row', { name: /Downgrade from All Products Pack/ });
  await expect(downgraded).toContainText('IntelliJ IDEA Ultimate');
  await expect(downgraded).toContainText('Downgrade');
  await expect(page.getByRole('row', { name: /WebStorm/ })).toContainText('Renewal');
  await expectNoViolations(page, 'cart with an upgrade and a downgrade');

  // In Portuguese: the same rows, with the seat counted in words of its own and a Brazilian date.
  await chooseLanguage(page, 'Português (Brasil)');
  const creditRowPt = page.getByRole('row', {
    name: /^Crédito pelo tempo não usado de PyCharm Professional \(1 licença, até \d{2}\/\d{2}\/\d{4}\)/,
  });
  await expect(creditRowPt).toContainText(/US\$\s?[\d.]+,\d{2}/);
  await expect(creditRowPt).not.toContainText('-');
  await expect(page.getByRole('rowheader', { name: 'Total da linha' })).toBeVisible();
  await expect(page.getByTestId('totals-credit')).toHaveText(/^US\$\s?[\d.]+,\d{2}$/);
  await expectNoViolations(page, 'cart with an upgrade, in Portuguese');
  await chooseLanguage(page, 'English');

  // The quote shows the same rows and the same credit.
  await page.getByRole('button', { name: 'Get Quote' }).first().click();
  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  await expect(page.getByTestId('totals-credit')).toHaveText((await credit.textContent()) ?? '');
  await expect(
    page.getByRole('row', { name: /^Credit for unused time of PyCharm Professional \(1 seat, until / }),
  ).toContainText((await credit.textContent()) ?? '');
  await expect(page.getByRole('rowheader', { name: 'Line total' })).toBeVisible();
  await expectNoViolations(page, 'quote with an upgrade');

  // Assign the free seat of the IntelliJ pack to a new user, then revoke it.
  await page.getByRole('link', { name: 'Updates & Renewals' }).click();
  results = await searchLicenses(page, 'Subscription pack number', '0220/ULFQXOB');
  await results
    .getByRole('button', { name: 'Assign users of IntelliJ IDEA Ultimate in pack 0220/ULFQXOB' })
    .click();
  const users = page.getByRole('dialog', { name: 'Users of IntelliJ IDEA Ultimate' });
  const email = users.getByRole('textbox', { name: /^Email for / });
  await email.fill('dev3@');
  await users.getByRole('button', { name: /^Assign [A-Z0-9]{10}$/ }).click();
  await expect(users.getByText('Enter a valid email address, e.g. name@example.com.')).toBeVisible();
  await email.fill('dev3@acme.test');
  await users.getByRole('button', { name: /^Assign [A-Z0-9]{10}$/ }).click();
  await expect(
    users.getByRole('button', { name: /^Revoke [A-Z0-9]{10} from dev3@acme.test$/ }),
  ).toBeVisible();
  await expectNoViolations(page, 'assign users dialog');
  await expect(results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).toContainText(
    'dev1@acme.test, dev2@acme.test, dev3@acme.test',
  );
  await users.getByRole('button', { name: /^Revoke [A-Z0-9]{10} from dev3@acme.test$/ }).click();
  await expect(users.getByRole('textbox', { name: /^Email for / })).toBeVisible();
  await expect(results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).not.toContainText(
    'dev3@acme.test',
  );
});
