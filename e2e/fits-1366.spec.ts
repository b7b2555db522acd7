import { expect, type Page, test } from '@playwright/test';
import {
  chooseLanguage,
  expectNothingCutOff,
  expectNoViolations,
  findCutOff,
  logIn,
  openAccountById,
  snapshot,
} from './helpers.ts';

/** The dialog is whole on a 1366×768 screen: no part of it above, below or beside the viewport. */
async function expectDialogFits(page: Page, name: string | RegExp) {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  const box = await dialog.boundingBox();
  expect(box, 'the dialog has a box').not.toBeNull();
  if (!box) return;
  expect(box.y, 'dialog top').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'dialog bottom').toBeLessThanOrEqual(768);
  expect(box.x, 'dialog left').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'dialog right').toBeLessThanOrEqual(1366);
  // Whole without scrolling inside it either: its buttons are in view.
  const overflow = await dialog.evaluate((element) => element.scrollHeight - element.clientHeight);
  expect(overflow, 'dialog content scrolled out of view (px)').toBeLessThanOrEqual(1);
}

const products = ['GoLand', 'RubyMine', 'DataGrip', 'PhpStorm'];

test('findCutOff finds text cut by an ellipsis, by a scrolling box and outside the viewport (the check can fail)', async ({
  page,
}) => {
  await page.setContent(`
    <p style="width: 60px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">A long status badge</p>
    <div style="width: 100px; overflow-x: auto"><table style="width: 600px"><tr><td style="width: 50px">first</td><td style="width: 450px"></td><td>Products</td></tr></table></div>
    <span style="position: absolute; left: 1300px; white-space: nowrap">far to the right of the screen</span>
    <p>Fits well</p>
    <span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">Screen readers only</span>`);
  const cut = await findCutOff(page);
  expect(cut.map((c) => c.text)).toEqual([
    'A long status badge',
    'Products',
    'far to the right of the screen',
  ]);
});

test('at 1366×768, in English and Portuguese, the cart lines, the Set Custom dialog and the Details tab show everything; the Details tab names the packs and chooses none for the user', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  for (const product of products) {
    await page
      .getByRole('button', { name: new RegExp(product) })
      .first()
      .click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('row', { name: new RegExp(product) })).toBeVisible();
  }

  // A co-termed line, with its prorated price, its note and Set Default: the widest a line gets.
  const goland = page.getByRole('row', { name: /GoLand/ });
  await goland.getByRole('button', { name: 'Set Custom', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'End date of GoLand' })
    .getByRole('button', { name: /^0220\/ULFQXOB: ends / })
    .click();
  await page.getByRole('button', { name: 'Apply end date' }).click();
  await expect(goland.getByRole('button', { name: 'Set Default', exact: true })).toBeVisible();

  for (const language of ['English', 'Português (Brasil)'] as const) {
    const english = language === 'English';
    await chooseLanguage(page, language);
    await page.getByRole('tab', { name: english ? 'Subscriptions' : 'Assinaturas' }).click();
    const row = page.getByRole('row', { name: /GoLand/ });
    await expect(row).toBeVisible();
    await expectNothingCutOff(page, `cart lines in ${language}`);
    await expectNoViolations(page, `cart lines in ${language}`);
    await snapshot(page, `fits-cart-${english ? 'en' : 'pt'}`);

    await row
      .getByRole('button', { name: english ? 'Set Custom' : 'Definir Personalizado', exact: true })
      .click();
    const title = english ? 'End date of GoLand' : 'Data de término de GoLand';
    await expectDialogFits(page, title);
    await expectNothingCutOff(page, `Set Custom in ${language}`, '[role="dialog"]');
    await expectNoViolations(page, `Set Custom in ${language}`);
    await snapshot(page, `fits-set-custom-${english ? 'en' : 'pt'}`);
    await page.getByRole('button', { name: english ? 'Cancel' : 'Cancelar' }).click();
    await expect(page.getByRole('dialog', { name: title })).toBeHidden();
  }

  // Details, in Portuguese: "existing pack" opens the list and chooses nothing.
  await page.getByRole('tab', { name: 'Detalhes' }).click();
  await page.getByRole('radio', { name: 'Adicionar a um pacote de assinaturas existente' }).check();
  const packList = page.getByRole('combobox', { name: 'Pacote de assinaturas' });
  await expect(packList).toHaveValue('');
  await expect(
    page.getByText(
      'Escolha o pacote de assinaturas em que as novas licenças entram; até lá, elas iniciam um novo.',
    ),
  ).toBeVisible();
  await expectNothingCutOff(page, 'Details tab in Portuguese');
  await expectNoViolations(page, 'Details tab in Portuguese');
  // Nothing was saved: the cart, loaded again, still starts a new pack.
  await page.reload();
  await page.getByRole('tab', { name: 'Detalhes' }).click();
  await expect(
    page.getByText(
      'Salvo: as novas licenças vão para a equipe padrão da conta e iniciam um novo pacote de assinaturas.',
    ),
  ).toBeVisible();

  await page.getByRole('radio', { name: 'Adicionar a um pacote de assinaturas existente' }).check();
  await packList.click();
  const options = page.getByRole('option');
  const names = await options.allTextContents();
  // Acme's live packs, each named by its products; WebStorm and GoLand ended, so their packs are left out.
  expect(names.some((name) => name.startsWith('0220/ULFQXOB (IntelliJ IDEA Ultimate) · termina em '))).toBe(
    true,
  );
  expect(names.some((name) => /\(PyCharm Professional\) · termina em \d{2}\/\d{2}\/\d{4}/.test(name))).toBe(
    true,
  );
  expect(names.filter((name) => /WebStorm|GoLand/.test(name))).toEqual([]);
  const chosen = names.find((name) => name.startsWith('0220/ULFQXOB')) ?? '';
  const endPt = /termina em (\d{2}\/\d{2}\/\d{4})/.exec(chosen)?.[1] ?? '';
  await page.getByRole('option', { name: chosen }).click();
  await expect(
    page.getByText(
      `Salvo: as novas licenças vão para a equipe padrão da conta e entram no pacote 0220/ULFQXOB (IntelliJ IDEA Ultimate), que termina em ${endPt}.`,
    ),
  ).toBeVisible();
  await snapshot(page, 'fits-details-pt');

  // The same choice read in English, the date in the English way.
  await chooseLanguage(page, 'English');
  const [day, month, year] = endPt.split('/');
  await expect(
    page.getByText(
      `Saved: the new licenses go to the account's default team and join pack 0220/ULFQXOB (IntelliJ IDEA Ultimate), ending ${month}/${day}/${year}.`,
    ),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Subscription pack' })).toHaveValue(
    `0220/ULFQXOB (IntelliJ IDEA Ultimate) · ends ${month}/${day}/${year} · 3 licenses`,
  );
  await expectNothingCutOff(page, 'Details tab in English');
  await expectNoViolations(page, 'Details tab in English');
  // Back to a new pack, which is saved at once.
  await page.getByRole('radio', { name: 'Start a new subscription pack' }).check();
  await expect(
    page.getByText(
      "Saved: the new licenses go to the account's default team and start a new subscription pack.",
    ),
  ).toBeVisible();

  // Leave the cart empty for the other tests.
  await page.getByRole('tab', { name: 'Subscriptions' }).click();
  for (const product of products) {
    // From the keyboard: a "removed" notification may lie over the next row's button.
    await page.getByRole('button', { name: `Remove ${product}` }).press('Enter');
    await expect(page.getByRole('row', { name: new RegExp(product) })).toHaveCount(0);
  }
});

test('at 1366×768, in English and Portuguese, the Invoices list shows every status and product whole', async ({
  page,
}) => {
  await logIn(page, 'billing@demo-reseller.test');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Invoices/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('row', { name: /INV-2026-000103/ })).toContainText('Overdue');
  await expectNothingCutOff(page, 'Invoices in English');
  await snapshot(page, 'fits-invoices-en');

  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByRole('heading', { name: 'Faturas' })).toBeVisible();
  const overdue = page.getByRole('row', { name: /INV-2026-000103/ });
  await expect(overdue).toContainText('Não paga');
  await expect(overdue).toContainText('Vencida');
  await expectNothingCutOff(page, 'Invoices in Portuguese');
  await expectNoViolations(page, 'Invoices in Portuguese');
  await snapshot(page, 'fits-invoices-pt');
  // The language is kept for the user: leave it as the other tests expect it.
  await chooseLanguage(page, 'English');
});
