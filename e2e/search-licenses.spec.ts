import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, openAccountById, openSearchLicenses } from './helpers.ts';

test('Updates & Renewals: Search licenses by several License IDs, by pack and by invited user, then renew a pack and co-term the renewal', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Updates & Renewals' }).click();
  await expect(page.getByRole('heading', { name: 'Updates & Renewals' })).toBeVisible();

  await page.getByRole('button', { name: 'Search licenses' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search licenses' });
  await dialog
    .getByRole('textbox', { name: 'License keys or License IDs' })
    .fill('OIY94JBDUQ, oiy94jbduq\nZZZZZZZZZZ nonsense');
  await expectNoViolations(page, 'Search licenses');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog).toBeHidden();
  const results = page.getByRole('region', { name: 'Search results' });
  const row = results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ });
  await expect(row).toContainText('OIY94JBDUQ');
  await expect(row).toContainText('0220/ULFQXOB');
  await expect(row.getByText('Renew', { exact: true })).toBeVisible();
  await expect(results.getByText('1 License ID or key is not a license of this account')).toBeVisible();
  await expect(results.getByText('ZZZZZZZZZZ')).toBeVisible();
  await expect(results.getByText('1 entry is neither a License ID nor a license key')).toBeVisible();
  await expectNoViolations(page, 'license search results');

  // The whole pack: three seats, two of them assigned.
  await openSearchLicenses(page);
  await dialog.getByRole('radio', { name: 'Subscription pack number' }).check();
  await dialog.getByRole('textbox', { name: 'Subscription pack number' }).fill('0220/ulfqxob');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ })).toContainText(
    'dev1@acme.test, dev2@acme.test',
  );
  await expect(
    results
      .getByRole('row', { name: /IntelliJ IDEA Ultimate/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('3');

  // An invited user: the seats assigned to them; a malformed email is told in the pop-up.
  await openSearchLicenses(page);
  await dialog.getByRole('radio', { name: 'Invited user email' }).check();
  await dialog.getByRole('textbox', { name: 'Invited user email' }).fill('dev1@');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByText('Enter a valid email address, e.g. name@example.com.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Invited user email' }).fill('dev1@acme.test');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(
    results
      .getByRole('row', { name: /IntelliJ IDEA Ultimate/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('1');

  // Renew the whole pack for a year: one renewal line from the old end date, in the cart.
  await openSearchLicenses(page);
  await dialog.getByRole('radio', { name: 'Subscription pack number' }).check();
  await dialog.getByRole('textbox', { name: 'Subscription pack number' }).fill('0220/ULFQXOB');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  const packRow = results.getByRole('row', { name: /IntelliJ IDEA Ultimate/ });
  const oldEnd = ((await packRow.getByRole('cell').nth(3).textContent()) ?? '').split(' – ')[1] ?? '';
  await packRow.getByRole('button', { name: 'Renew', exact: true }).click();
  await expect(page.getByText('Renewal of 3 IntelliJ IDEA Ultimate seats added to the cart.')).toBeVisible();

  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  const renewal = page.getByRole('row', { name: /IntelliJ IDEA Ultimate/ });
  await expect(renewal).toContainText('Renewal');
  await expect(renewal).toContainText(`${oldEnd} –`);
  await expect(renewal).toContainText('OIY94JBDUQ');
  // One seat per license renewed: the quantity is shown, not edited.
  await expect(renewal.getByRole('cell').nth(2)).toHaveText('3');
  await expect(renewal.getByRole('textbox', { name: 'Quantity of IntelliJ IDEA Ultimate' })).toHaveCount(0);
  await expectNoViolations(page, 'cart with a renewal');

  // Co-term the renewal: its end date, in blue, opens the calendar; then Set Default restores it.
  const renewedEnd =
    ((await renewal.getByRole('cell').nth(3).textContent()) ?? '').match(/– (\d{2}\/\d{2}\/\d{4})/)?.[1] ??
    '';
  await renewal.getByRole('button', { name: renewedEnd, exact: true }).click();
  const calendar = page.getByRole('dialog', { name: 'End date of IntelliJ IDEA Ultimate' });
  await calendar
    .getByRole('button', { name: /: ends / })
    .first()
    .click();
  await calendar.getByRole('button', { name: 'Apply end date' }).click();
  await expect(renewal.getByText(/^\d+ days: \$[\d,.]+ a year × \d+ \/ 365 per seat$/)).toBeVisible();
  await renewal.getByRole('button', { name: 'Set Default', exact: true }).click();
  await expect(renewal.getByText(/ days: /)).toHaveCount(0);
  await expect(renewal).toContainText(`${oldEnd} –`);
});
