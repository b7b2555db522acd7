import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, expectNoViolations, logIn, logOut, openAccountById } from './helpers.ts';

/**
 * Related documents, the order page's customer and licensee, and Pay now on a postpaid invoice
 * (issue 18). The invoice paid here is one this spec orders: the demo invoices stay as the other
 * specs (orders-and-invoices, fits-1366) expect them.
 */

/** A postpaid order of DataGrip for Acme Corp against a new quote; its order, quote and invoice numbers. */
async function placePostpaidOrder(page: Page) {
  await openAccountById(page, '6703615', 'it@acme.test');
  await page.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await page
    .getByRole('button', { name: /DataGrip/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('button', { name: 'Checkout' }).first().click();
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  const checkout = page.getByRole('heading', { name: /^Checkout: quote Q-\d{4}-\d{6}$/ });
  await expect(checkout).toBeVisible();
  const quote = ((await checkout.textContent()) ?? '').replace('Checkout: quote ', '');
  await page.getByRole('radio', { name: /^Postpaid/ }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  const heading = page.getByRole('heading', { name: /^Order R-\d{4}-\d{6}$/ });
  await expect(heading).toBeVisible();
  const order = ((await heading.textContent()) ?? '').replace('Order ', '');
  const invoiceHeading = page.getByRole('heading', { name: /^Invoice INV-\d{4}-\d{6}$/ });
  const invoice = ((await invoiceHeading.textContent()) ?? '').replace('Invoice ', '');
  return { quote, order, invoice };
}

/** The sandbox provider's hosted card form, in the language the portal asked it for. */
async function enterCard(page: Page, number: string, language: 'en' | 'pt-BR') {
  const form = page.frameLocator(
    `iframe[title="${language === 'en' ? 'Card payment' : 'Pagamento com cartão'}"]`,
  );
  await form.getByLabel(language === 'en' ? 'Card number' : 'Número do cartão').fill(number);
  await form.getByLabel(language === 'en' ? 'Expiry (MM/YY)' : 'Validade (MM/AA)').fill('12/35');
  await form.getByLabel(language === 'en' ? 'Security code (CVC)' : 'Código de segurança (CVC)').fill('123');
  await form.getByRole('button', { name: language === 'en' ? 'Use this card' : 'Usar este cartão' }).click();
}

const related = (page: Page, name = 'Related documents') => page.getByRole('region', { name });

test('a postpaid order: customer and licensee, related documents both ways, then Pay now by card in Português', async ({
  page,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  const { quote, order, invoice } = await placePostpaidOrder(page);

  // The order page: whose order it is and who the licenses are for.
  const facts = page.locator('dl');
  await expect(facts.locator('div').filter({ hasText: /^Customer account/ })).toContainText(
    'Acme CorpCustomer ID 6703615',
  );
  await expect(facts.locator('div').filter({ hasText: /^Licensee/ })).toContainText(
    'Ada Lovelaceada@acme.test',
  );
  await expect(page.getByRole('region', { name: `Invoice ${invoice}` })).toContainText('Not Paid');
  // Its quote and its invoice, and not itself.
  await expect(related(page).getByRole('link')).toHaveText([`Quote ${quote}`, `Invoice ${invoice}`]);
  await expectNoViolations(page, 'order page');

  // To the quote, whose related documents lead back to the order and on to the invoice.
  await related(page)
    .getByRole('link', { name: `Quote ${quote}` })
    .click();
  await expect(page.getByRole('heading', { name: `Quote ${quote}` })).toBeVisible();
  await expect(related(page).getByRole('link')).toHaveText([`Order ${order}`, `Invoice ${invoice}`]);
  await related(page)
    .getByRole('link', { name: `Order ${order}` })
    .click();
  await expect(page.getByRole('heading', { name: `Order ${order}` })).toBeVisible();
  await related(page)
    .getByRole('link', { name: `Invoice ${invoice}` })
    .click();

  // The invoice: Not Paid, its quote and order, and Pay now for an admin.
  await expect(page.getByRole('heading', { name: `Invoice ${invoice}` })).toBeVisible();
  await expect(related(page).getByRole('link')).toHaveText([`Quote ${quote}`, `Order ${order}`]);
  await expect(page.getByRole('button', { name: 'Pay now' })).toBeVisible();
  await expectNoViolations(page, 'invoice page');
  await page.getByRole('button', { name: 'Pay now' }).click();
  const pay = page.getByRole('region', { name: `Pay invoice ${invoice}` });
  await expect(pay.locator('iframe[title="Card payment"]')).toBeVisible();
  await expectNoViolations(page, 'pay page');
  // Cancel leaves the invoice unpaid, Pay now offered again.
  await pay.getByRole('button', { name: 'Cancel' }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByRole('button', { name: 'Pay now' })).toBeVisible();

  // A sales user sees the order and its quote, not the invoice (invoices are for billing and admins).
  await logOut(page);
  await logIn(page, 'sales@demo-reseller.test');
  await page.goto(`/orders/${order}`);
  await expect(page.getByRole('heading', { name: `Order ${order}` })).toBeVisible();
  await expect(related(page).getByRole('link')).toHaveText([`Quote ${quote}`]);

  // A billing user pays it, in Português: no quote among the related documents (quotes are for sales).
  await logOut(page);
  await logIn(page, 'billing@demo-reseller.test');
  await chooseLanguage(page, 'Português (Brasil)');
  try {
    await page.goto(`/invoices/${invoice}`);
    await expect(page.getByRole('heading', { name: `Fatura ${invoice}` })).toBeVisible();
    await expect(related(page, 'Documentos relacionados').getByRole('link')).toHaveText([`Pedido ${order}`]);
    await expect(page.getByRole('main').getByText('Não paga', { exact: true }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Pagar agora' }).click();
    const pagar = page.getByRole('region', { name: `Pagar a fatura ${invoice}` });
    await expect(pagar).toContainText('Pague');
    await expectNoViolations(page, 'pay page (pt-BR)');

    // Pay before a card: asked for one first.
    const confirm = pagar.getByRole('button', { name: /^Pagar / });
    await confirm.click();
    await expect(
      pagar.getByRole('alert').filter({ hasText: 'Informe primeiro o cartão no formulário de pagamento.' }),
    ).toBeVisible();
    // A declined card: the invoice stays unpaid, the provider's form starts again.
    await enterCard(page, '4000 0000 0000 0002', 'pt-BR');
    await expect(pagar.getByText('Cartão VISA •••• 0002 pronto.')).toBeVisible();
    await confirm.click();
    await expect(pagar.getByRole('alert')).toBeVisible();
    await expect(pagar.getByRole('alert')).not.toContainText('Informe primeiro');
    await expect(pagar.locator('iframe[title="Pagamento com cartão"]')).toBeVisible();
    // A card that goes through: the invoice is Paid, Pay now gone.
    await enterCard(page, '4242 4242 4242 4242', 'pt-BR');
    await expect(pagar.getByText('Cartão VISA •••• 4242 pronto.')).toBeVisible();
    await confirm.click();
    await expect(page.getByText(`A fatura ${invoice} está paga.`)).toBeVisible();
    await expect(pagar).toBeHidden();
    await expect(page.getByRole('button', { name: 'Pagar agora' })).toHaveCount(0);
    await expect(page.getByRole('main').getByText('Paga', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('main').getByText('Não paga', { exact: true })).toHaveCount(0);
    await expectNoViolations(page, 'paid invoice (pt-BR)');

    // The order shows its invoice Paid too.
    await related(page, 'Documentos relacionados')
      .getByRole('link', { name: `Pedido ${order}` })
      .click();
    await expect(page.getByRole('heading', { name: `Pedido ${order}` })).toBeVisible();
    await expect(page.getByRole('region', { name: `Fatura ${invoice}` })).toContainText('Paga');
    await expect(page.getByRole('region', { name: `Fatura ${invoice}` })).not.toContainText('Não paga');
    await expect(page.locator('dl')).toContainText('Conta de cliente');
    await expect(page.locator('dl')).toContainText('Licenciado');
    await expectNoViolations(page, 'order page (pt-BR)');
  } finally {
    await chooseLanguage(page, 'English');
  }
});

test('Back to Orders keeps the filters; a credit note among the related documents of an invoice and its order', async ({
  page,
}) => {
  await logIn(page, 'billing@demo-reseller.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Search orders').fill('PO-GLX-2026-02');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: /^R-2026-\d{6}$/ })).toHaveCount(1);
  const filtered = page.url();
  await page.getByRole('link', { name: 'R-2026-000103' }).click();
  await expect(page.getByRole('heading', { name: 'Order R-2026-000103' })).toBeVisible();
  await expect(page.locator('dl')).toContainText('Globex Ltda');
  await expect(related(page).getByRole('link', { name: /^Invoice INV-2026-\d{6}$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Orders' }).click();
  await expect(page).toHaveURL(filtered);
  await expect(page.getByLabel('Search orders')).toHaveValue('PO-GLX-2026-02');
  await expect(page.getByRole('link', { name: /^R-2026-\d{6}$/ })).toHaveCount(1);

  // The invoice settled by a credit note: its order and the credit note's PDF.
  await page.goto('/invoices/INV-2026-000104');
  await expect(page.getByRole('heading', { name: 'Invoice INV-2026-000104' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay now' })).toHaveCount(0);
  const links = related(page).getByRole('link');
  await expect(links).toHaveText([/^Order R-2026-\d{6}$/, /^Credit note \S+ \(PDF\)$/]);
  const pdf = await page.request.get((await links.nth(1).getAttribute('href')) ?? '');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await links.nth(0).click();
  await expect(page.getByRole('heading', { name: /^Order R-2026-\d{6}$/ })).toBeVisible();
  await expect(related(page).getByRole('link')).toHaveText([
    'Invoice INV-2026-000104',
    /^Credit note \S+ \(PDF\)$/,
  ]);
  // Opened directly, not from the list: Back to Orders is the plain list.
  await page.getByRole('link', { name: 'Back to Orders' }).click();
  await expect(page).toHaveURL(/\/orders$/);
});
