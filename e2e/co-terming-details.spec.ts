import { expect, test } from '@playwright/test';
import { createQuoteFromForm, expectNoViolations, logIn, openAccountById, snapshot } from './helpers.ts';

const money = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);

test('Set Custom co-terms a new line to a pack end date at a prorated price; Set Default restores the term; the Details choices reach the quote', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('button', { name: /GoLand/ }).click();
  await page.getByLabel('Number of subscriptions').fill('3');
  await page.getByRole('radio', { name: '1 year' }).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  const cart = page.getByRole('table').filter({ hasText: 'GoLand' });
  const row = cart.getByRole('row', { name: /GoLand/ });
  await expect(row).toBeVisible();

  // Set Custom: the calendar offers the end dates of Acme's packs, 0220/ULFQXOB among them.
  await row.getByRole('button', { name: 'Set Custom', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'End date of GoLand' });
  const packEnd = dialog.getByRole('button', { name: /^0220\/ULFQXOB: ends / });
  const packEndDate = ((await packEnd.textContent()) ?? '').replace(/^.*ends /, '');
  await packEnd.click();
  await expect(dialog.getByText(`End date: ${packEndDate}`)).toBeVisible();
  await expectNoViolations(page, 'Set Custom');
  await dialog.getByRole('button', { name: 'Apply end date' }).click();
  await expect(dialog).toBeHidden();

  // The line shows its days and the formula, and is priced by them: yearly × days / 365 × seats.
  const formula = row.getByText(/^\d+ days: \$[\d,.]+ a year × \d+ \/ 365 per seat$/);
  await expect(formula).toBeVisible();
  const [, days, yearly] = /^(\d+) days: \$([\d,.]+)/.exec((await formula.textContent()) ?? '') ?? [];
  const yearlyMinor = Math.round(Number((yearly ?? '').replaceAll(',', '')) * 100);
  await expect(row).toContainText(money(Math.round((yearlyMinor * 3 * Number(days)) / 365)));
  await expect(row).toContainText(packEndDate);
  await expect(
    row.getByText('No perpetual fallback license: the period is shorter than one year.'),
  ).toBeVisible();
  await snapshot(page, 'cart-coterm');

  // Set Default: back to the one-year term it was added with.
  await row.getByRole('button', { name: 'Set Default', exact: true }).click();
  await expect(formula).toHaveCount(0);
  await expect(row).toContainText(money(yearlyMinor * 3));
  // Co-term again for the quote.
  await row.getByRole('button', { name: 'Set Custom', exact: true }).click();
  await packEnd.click();
  await dialog.getByRole('button', { name: 'Apply end date' }).click();
  await expect(formula).toBeVisible();

  // Quantity changes in place and keeps the chosen end date.
  const quantity = row.getByRole('textbox', { name: 'Quantity of GoLand' });
  await quantity.fill('4');
  await quantity.press('Enter');
  await expect(row).toContainText(money(Math.round((yearlyMinor * 4 * Number(days)) / 365)));
  await expect(row).toContainText(packEndDate);

  // Details: the team that receives the licenses and the pack they join.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByRole('radio', { name: 'An existing team' }).check();
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Engineering' }).click();
  await page.getByRole('radio', { name: 'Add to an existing subscription pack' }).check();
  await page.getByRole('combobox', { name: 'Subscription pack' }).click();
  await page.getByRole('option', { name: /^0220\/ULFQXOB/ }).click();
  await expect(
    page.getByText(
      `Saved: the new licenses go to team Engineering and join pack 0220/ULFQXOB (IntelliJ IDEA Ultimate), ending ${packEndDate}.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: 'Checkout' })).toBeEnabled();
  await expectNoViolations(page, 'Details tab');
  await snapshot(page, 'cart-details');
  await page.getByRole('tabpanel').getByRole('button', { name: 'Get Quote' }).click();

  await expect(page.getByRole('heading', { name: 'Get Quote' })).toBeVisible();
  await createQuoteFromForm(page);
  await expect(page.getByRole('heading', { name: /^Quote Q-/ })).toBeVisible();
  const quoted = page.getByRole('row', { name: /GoLand/ });
  await expect(quoted).toContainText(packEndDate);
  await expect(
    quoted.getByText('No perpetual fallback license: the period is shorter than one year.'),
  ).toBeVisible();
  await expect(page.getByText('Engineering')).toBeVisible();
  await expect(page.getByText('0220/ULFQXOB')).toBeVisible();
});
