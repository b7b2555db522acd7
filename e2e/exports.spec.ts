import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, createQuoteFromForm, logIn, openAccountById } from './helpers.ts';

/** The rows of a CSV the page links to, with its BOM checked, and the answer's headers. */
async function downloadCsv(page: Page, linkName: string, list = 'quotes') {
  const href = await page.getByRole('link', { name: linkName }).getAttribute('href');
  const answer = await page.request.get(href ?? '');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(answer.headers()['content-disposition']).toBe(
    `attachment; filename="${list}-${new Date().toISOString().slice(0, 10)}.csv"`,
  );
  const text = (await answer.body()).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return { href: href ?? '', lines: text.slice(1).trimEnd().split('\r\n') };
}

test('Quotes, Orders and Invoices: Download CSV holds every row the filters match, headed in the user’s language', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  // A quote of this test's own, with a PO number a spreadsheet would run as a formula.
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('button', { name: /WebStorm/ }).click();
  await page.getByLabel('Number of subscriptions').fill('1');
  await page.getByRole('radio', { name: '1 year' }).check();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Get Quote' }).click();
  await page.getByLabel('PO number').fill('=1+1, exported');
  await createQuoteFromForm(page);
  await expect(page).toHaveURL(/\/quotes\/Q-\d{4}-\d{6}$/);
  const quoteNumber = page.url().split('/').pop() as string;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
  const count = page.getByText(/ of \d+ quotes?$/);
  const total = Number((await count.textContent())?.match(/of (\d+) quote/)?.[1]);
  const all = await downloadCsv(page, 'Download CSV');
  expect(all.lines[0]).toBe(
    'Quote number,Created,Customer ID,Customer,Country,End user email,PO number,Status,Valid until,Currency,Total',
  );
  expect(all.lines).toHaveLength(total + 1);
  // Newest first, as the list: this test's quote leads both.
  expect(all.lines[1]?.startsWith(`${quoteNumber},`)).toBe(true);

  await page.getByLabel('Search quotes').fill(quoteNumber);
  await page.getByLabel('Search quotes').press('Enter');
  await expect(page.getByText(/^1–1 of 1 quote$/)).toBeVisible();
  const one = await downloadCsv(page, 'Download CSV');
  expect(one.href).toContain(`q=${quoteNumber}`);
  expect(one.lines).toHaveLength(2);
  // The total the list shows ($1,234.56) as a plain decimal; the formula written as text, the comma kept.
  const shown = await page
    .getByRole('row', { name: new RegExp(quoteNumber) })
    .getByRole('cell')
    .last()
    .textContent();
  expect(one.lines[1]).toContain(`,"'=1+1, exported",Open,`);
  expect(one.lines[1]?.endsWith(`,USD,${(shown ?? '').replace(/[$,]/g, '')}`)).toBe(true);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  const orderCount = page.getByText(/ of \d+ orders?$/);
  const orders = Number((await orderCount.textContent())?.match(/of (\d+) order/)?.[1]);
  const firstOrder = await page.getByRole('row').nth(1).getByRole('link').first().textContent();
  const orderCsv = await downloadCsv(page, 'Download CSV', 'orders');
  expect(orderCsv.lines[0]?.startsWith('Order number,Date,Customer ID,Customer')).toBe(true);
  expect(orderCsv.lines).toHaveLength(orders + 1);
  expect(orderCsv.lines[1]?.startsWith(`${firstOrder},`)).toBe(true);
  await page.getByLabel('Search orders').fill('PO-GLX-2026-02');
  await page.getByLabel('Search orders').press('Enter');
  await expect(page.getByText(/^1–1 of 1 order$/)).toBeVisible();
  const acme = await downloadCsv(page, 'Download CSV', 'orders');
  expect(acme.lines).toHaveLength(2);
  expect(acme.lines[1]?.startsWith('R-2026-000103,')).toBe(true);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Invoices/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  const invoices = Number(
    (await page.getByText(/ of \d+ invoices?$/).textContent())?.match(/of (\d+) invoice/)?.[1],
  );
  const invoiceCsv = await downloadCsv(page, 'Download CSV', 'invoices');
  expect(
    invoiceCsv.lines[0]?.startsWith('Invoice number,Issued,Due on,Payment date,Payment type,Status,Overdue'),
  ).toBe(true);
  expect(invoiceCsv.lines).toHaveLength(invoices + 1);
  await page.getByLabel('Status').selectOption({ label: 'Overdue' });
  // The link follows the filters once the list has rendered them.
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', /status=overdue/);
  const overdue = await downloadCsv(page, 'Download CSV', 'invoices');
  expect(overdue.href).toContain('status=overdue');
  expect(overdue.lines.length).toBeGreaterThan(1);
  for (const line of overdue.lines.slice(1)) expect(line).toContain(',Postpaid,Not Paid,Yes,');

  await chooseLanguage(page, 'Português (Brasil)');
  try {
    await expect(page.getByRole('heading', { name: 'Faturas' })).toBeVisible();
    const ptInvoices = await downloadCsv(page, 'Baixar CSV', 'invoices');
    expect(ptInvoices.lines[0]?.startsWith('Número da fatura,Emitida em,Vencimento')).toBe(true);
    expect(ptInvoices.lines[1]).toContain(',Pós-pago,Não paga,Sim,');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Pedidos' }).click();
    await expect(page.getByRole('heading', { name: 'Pedidos' })).toBeVisible();
    const ptOrders = await downloadCsv(page, 'Baixar CSV', 'orders');
    expect(ptOrders.lines[0]?.startsWith('Número do pedido,Data,ID do cliente,Cliente,País')).toBe(true);
    await page
      .getByRole('navigation', { name: 'Principal' })
      .getByRole('link', { name: 'Orçamentos' })
      .click();
    await expect(page.getByRole('heading', { name: 'Orçamentos' })).toBeVisible();
    const pt = await downloadCsv(page, 'Baixar CSV');
    expect(pt.lines[0]?.startsWith('Número do orçamento,Criado em,ID do cliente,Cliente,País')).toBe(true);
    expect(pt.lines[1]).toContain(',Aberto,');
  } finally {
    // The language is the user's, remembered by the server: the next tests log in to English.
    await chooseLanguage(page, 'English');
  }
});
