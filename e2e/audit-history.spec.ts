import { expect, type Page, test } from '@playwright/test';
import { chooseLanguage, expectNoViolations, logIn, openAccountById } from './helpers.ts';

/** The audit log's filter bar: a user or a subject, applied with its Search button. */
async function searchAuditLog(page: Page, text: string) {
  const filters = page.getByRole('search', {
    name: /^(Audit log filters|Filtros do registro de auditoria)$/,
  });
  await filters.getByLabel(/^(User or subject|Usuário ou assunto)$/).fill(text);
  await filters.getByRole('button', { name: /^(Search|Pesquisar)$/ }).click();
}

async function openAuditLog(page: Page) {
  await page.getByRole('link', { name: /^(Company profile|Perfil da empresa)$/ }).click();
  await page
    .getByRole('navigation', { name: /^(Your organisation|Sua organização)$/ })
    .getByRole('link', { name: /^(Audit log|Registro de auditoria)$/ })
    .click();
}

test('an order placed reads as a sentence with names and a link to the order, in English and Português', async ({
  page,
  browser,
}) => {
  // Sam Sales places a postpaid order for Acme Corp.
  const seller = await (await browser.newContext()).newPage();
  await logIn(seller, 'sales@demo-reseller.test');
  await openAccountById(seller, '6703615', 'it@acme.test');
  await seller.getByRole('link', { name: 'Product Catalog', exact: true }).click();
  await seller
    .getByRole('button', { name: /DataGrip/ })
    .first()
    .click();
  await seller.getByRole('button', { name: 'Add to cart' }).click();
  await seller.getByRole('button', { name: 'Checkout' }).first().click();
  await seller.getByLabel('Licensee name').fill('Ada Lovelace');
  await seller.getByLabel('Licensee email').fill('ada@acme.test');
  await seller.getByRole('button', { name: 'Continue to payment' }).click();
  await seller.getByRole('radio', { name: /^Postpaid/ }).check();
  await seller.getByRole('button', { name: 'Place order' }).click();
  const heading = seller.getByRole('heading', { name: /^Order R-\d{4}-\d{6}$/ });
  await expect(heading).toBeVisible();
  const orderNumber = ((await heading.textContent()) ?? '').replace('Order ', '');
  await seller.context().close();

  // Dana Admin reads it in the audit log: who, what, for whom, how much; the order a link.
  await logIn(page, 'admin@demo-reseller.test');
  await openAuditLog(page);
  await page.getByLabel('Action').selectOption({ label: 'Orders' });
  await searchAuditLog(page, orderNumber);
  const sentence = page.getByText(
    new RegExp(`^Sam Sales placed order ${orderNumber} for Acme Corp — \\$\\d[\\d,]*\\.\\d{2}$`),
  );
  await expect(sentence).toBeVisible();
  // The filters keep the entries of other kinds out: no quote sentence under Orders.
  await expect(page.getByText(/created quote/)).toHaveCount(0);
  await expectNoViolations(page, 'audit log in words');
  // Download CSV: the same entries, in the filters on screen.
  // The link follows the filters once the log has rendered them.
  const csvLink = page.getByRole('link', { name: 'Download CSV' });
  await expect(csvLink).toHaveAttribute('href', new RegExp(`[?&]q=${orderNumber}(&|$)`));
  const csvHref = await csvLink.getAttribute('href');
  expect(csvHref).toContain('action=order.');
  const csv = (await (await page.request.get(csvHref ?? '')).body()).toString('utf8');
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]?.startsWith('Occurred at (UTC),User,User email,Action')).toBe(true);
  expect(lines.slice(1).some((line) => line.includes(`,order.placed,order,${orderNumber},`))).toBe(true);
  for (const line of lines.slice(1)) expect(line).toContain(orderNumber);

  // In Português, the same entry in Portuguese words and money.
  await chooseLanguage(page, 'Português (Brasil)');
  await expect(
    page.getByText(
      new RegExp(`^Sam Sales fez o pedido ${orderNumber} para Acme Corp — US\\$ \\d[\\d.]*,\\d{2}$`),
    ),
  ).toBeVisible();
  await expectNoViolations(page, 'audit log in Portuguese');
  const ptHref = await page.getByRole('link', { name: 'Baixar CSV' }).getAttribute('href');
  const ptCsv = (await (await page.request.get(ptHref ?? '')).body()).toString('utf8');
  expect(ptCsv.startsWith('\uFEFFData e hora (UTC),Usuário,E-mail do usuário,Ação')).toBe(true);
  await chooseLanguage(page, 'English');

  // The order number is a link to the order.
  await sentence.getByRole('link', { name: orderNumber }).click();
  await expect(page.getByRole('heading', { name: `Order ${orderNumber}` })).toBeVisible();
});

test('a user invited reads as a sentence linked to the users page; an unknown search finds nothing', async ({
  page,
}) => {
  const email = `ava.${Date.now()}@demo-reseller.test`;
  await logIn(page, 'admin@demo-reseller.test');
  await page.getByRole('link', { name: 'Company profile' }).click();
  await page
    .getByRole('navigation', { name: 'Your organisation' })
    .getByRole('link', { name: 'Users' })
    .click();
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Ava Auditor');
  await form.getByLabel('Role').selectOption({ label: 'Billing' });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  await openAuditLog(page);
  await page.getByLabel('Action').selectOption({ label: 'Users' });
  await searchAuditLog(page, email);
  const sentence = page.getByText(`Dana Admin invited ${email} as Billing`, { exact: true });
  await expect(sentence).toBeVisible();

  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByText(`Dana Admin convidou ${email} como Financeiro`, { exact: true })).toBeVisible();
  await chooseLanguage(page, 'English');

  // A search that matches nothing says so; clearing it brings the entry back.
  await searchAuditLog(page, 'nobody-at-all.example');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  await searchAuditLog(page, email);
  await sentence.getByRole('link', { name: email }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending).toContainText(email);
  // Cancelled again, so that the demo partner has no pending invitation left for other specs.
  await pending.getByRole('button', { name: `Cancel the invitation to ${email}` }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
});
