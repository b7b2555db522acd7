import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { pdfText } from '../server/test/pdf-text.ts';
import {
  chooseLanguage,
  createQuoteFromForm,
  expectNoViolations,
  logIn,
  openAccountById,
  smtpMessages,
} from './helpers.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The text of the PDF a link downloads. */
async function downloadedText(page: Page, link: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  return flat((await pdfText(await readFile((await download.path()) ?? ''))).text);
}

test('customer-facing quote: resale prices, the customer and internal copies, the customer copy by email, in English and Português', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: /Rider/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Get Quote' }).first().click();
  await createQuoteFromForm(page);
  const title = page.getByRole('heading', { name: /^Quote Q-\d{4}-\d{6}$/ });
  await expect(title).toBeVisible();
  const quoteNumber = ((await title.textContent()) ?? '').replace('Quote ', '');
  const buyPrice = flat((await page.getByTestId('totals-total').textContent()) ?? '');

  // Resale prices: one labelled field per line.
  await page.getByRole('button', { name: 'Resale prices' }).click();
  const dialog = page.getByRole('dialog', { name: `Resale prices of quote ${quoteNumber}` });
  const field = dialog.getByLabel(/^Line 1: .*Rider/);
  await field.fill('-5');
  await dialog.getByRole('button', { name: 'Save resale prices' }).click();
  await expect(dialog.getByText(/Enter an amount such as 599\.90/)).toBeVisible();
  await field.fill('1234.50');
  await expectNoViolations(page, 'resale prices');
  await dialog.getByRole('button', { name: 'Save resale prices' }).click();
  await expect(page.getByText('Resale prices saved.')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expectNoViolations(page, 'quote with its copies');

  // The customer copy: the resale price, never the partner's discount or what it pays.
  const customer = await downloadedText(page, 'Customer copy (PDF)');
  expect(customer).toContain('Customer copy');
  expect(customer).toContain('$1,234.50');
  expect(customer).not.toContain('Partner discount');
  expect(customer).not.toContain(buyPrice);
  const internal = await downloadedText(page, 'Internal copy (PDF)');
  expect(internal).toContain('Internal copy');
  expect(internal).toContain('Partner discount');
  expect(internal).toContain(buyPrice);

  // The customer copy by email: the copy must be chosen.
  const to = `buyer.${Date.now()}@acme.test`;
  await page.getByRole('button', { name: 'Email a copy' }).click();
  const email = page.getByRole('dialog', { name: `Email quote ${quoteNumber}` });
  await email.getByLabel('Email address').fill(to);
  await email.getByRole('button', { name: 'Send' }).click();
  await expect(email.getByText('Choose which copy of the quote the email carries.')).toBeVisible();
  await email.getByRole('radio', { name: 'Customer copy' }).check();
  await expectNoViolations(page, 'email a copy, copy chosen');
  await email.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(new RegExp(`^Quote sent to ${to.replace(/\./g, '\\.')}`))).toBeVisible();
  await expect.poll(async () => (await smtpMessages()).filter((m) => m.to === to).length).toBe(1);
  const [sent] = (await smtpMessages()).filter((m) => m.to === to);
  const attached = sent?.attachments[0];
  expect(attached?.filename).toBe(`${quoteNumber}.pdf`);
  const attachedText = flat((await pdfText(Buffer.from(attached?.content ?? '', 'base64'))).text);
  expect(attachedText).toContain('Customer copy');
  expect(attachedText).toContain('$1,234.50');
  expect(attachedText).not.toContain(buyPrice);

  // Português: the same choices in the words of the glossary.
  await chooseLanguage(page, 'Português (Brasil)');
  try {
    await expect(page.getByRole('link', { name: 'Via do cliente (PDF)' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Via interna (PDF)' })).toBeVisible();
    const portuguese = await downloadedText(page, 'Via do cliente (PDF)');
    expect(portuguese).toContain('Via do cliente');
    expect(portuguese).toContain('1.234,50');
    await page.getByRole('button', { name: 'Preços de revenda' }).click();
    const dialogPt = page.getByRole('dialog', { name: `Preços de revenda do orçamento ${quoteNumber}` });
    await expect(dialogPt.getByLabel(/^Linha 1: .*Rider/)).toHaveValue('1234,50');
    await expectNoViolations(page, 'preços de revenda');
    await dialogPt.getByRole('button', { name: 'Cancelar' }).click();
    await page.getByRole('button', { name: 'Enviar cópia por e-mail' }).click();
    await expect(page.getByRole('radio', { name: 'Via do cliente' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Via interna' })).toBeVisible();
    await expectNoViolations(page, 'enviar uma cópia');
  } finally {
    await page.keyboard.press('Escape');
    await chooseLanguage(page, 'English');
  }
});
