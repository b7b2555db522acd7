import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { pdfText } from '../server/test/pdf-text.ts';
import { createQuoteFromForm, expectNoViolations, logIn, openAccountById } from './helpers.ts';

test('Get Quote sends the quote by email too; the quote has a PDF, a print page and a copy by email, all in the development mailbox', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page.getByRole('button', { name: /Rider/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Get Quote' }).first().click();
  await page.getByLabel('Also send the quote to this email').fill('buyer@');
  await createQuoteFromForm(page);
  await expect(page.getByText('Enter a valid email address, e.g. name@example.com.')).toBeVisible();
  await page.getByLabel('Also send the quote to this email').fill('buyer@acme.test');
  // Which copy the email carries is chosen, never defaulted (issue 18).
  await page.getByRole('radio', { name: 'Internal copy' }).check();
  await page.getByRole('button', { name: 'Create quote' }).click();
  const title = page.getByRole('heading', { name: /^Quote Q-\d{4}-\d{6}$/ });
  await expect(title).toBeVisible();
  const quoteNumber = ((await title.textContent()) ?? '').replace('Quote ', '');
  const total = (await page.getByTestId('totals-total').textContent()) ?? '';

  // The PDF (the internal copy): a real document with the quote's figures.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Internal copy (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${quoteNumber}-internal.pdf`);
  const { text } = await pdfText(await readFile((await download.path()) ?? ''));
  expect(text.replace(/\s+/g, ' ')).toContain(total.replace(/\s+/g, ' '));
  expect(text).toContain(quoteNumber);

  // Print: the quote alone on its page.
  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Quote ${quoteNumber}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByTestId('totals-total')).toHaveText(total);
  await page.getByRole('link', { name: 'Back to the quote' }).click();

  // A copy by email, in Portuguese.
  await page.getByRole('button', { name: 'Email a copy' }).click();
  const dialog = page.getByRole('dialog', { name: `Email quote ${quoteNumber}` });
  await expect(dialog.getByLabel('Email address')).toHaveValue('ada@acme.test');
  await dialog.getByLabel('Email address').fill('compras@acme.test');
  await dialog.getByLabel('Language of the email').selectOption('pt-BR');
  await dialog.getByRole('radio', { name: 'Internal copy' }).check();
  await expectNoViolations(page, 'email a copy');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(/^Quote sent to compras@acme.test\./)).toBeVisible();

  // Both emails in the development mailbox (demo mode, no SMTP server).
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await expect(page.getByRole('heading', { name: 'Development mailbox' })).toBeVisible();
  const english = page.getByRole('row', {
    name: new RegExp(`buyer@acme.test.*Quote ${quoteNumber} from Demo Reseller`),
  });
  await expect(english).toContainText(`${quoteNumber}-internal.pdf`);
  const portuguese = page.getByRole('link', { name: `Orçamento ${quoteNumber} de Demo Reseller` });
  await expectNoViolations(page, 'development mailbox');
  await portuguese.click();
  await expect(
    page.getByRole('heading', { name: `Orçamento ${quoteNumber} de Demo Reseller` }),
  ).toBeVisible();
  await expect(page.getByText(/Total: US\$\s[\d.]+,\d{2}, válido até \d{2}\/\d{2}\/\d{4}\./)).toBeVisible();
  const body = page.frameLocator(`iframe[title="Orçamento ${quoteNumber} de Demo Reseller"]`);
  await expect(body.getByRole('link', { name: 'Abrir o orçamento no Partner Portal' })).toBeVisible();
});
