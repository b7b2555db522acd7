import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations, logIn, smtpMessages } from './helpers.ts';

/** The link of the last invitation email to `to`, as a path, once it has arrived over SMTP. */
async function lastInvitationLink(to: string, count = 1): Promise<string> {
  await expect.poll(async () => (await smtpMessages()).filter((m) => m.to === to).length).toBe(count);
  const email = (await smtpMessages()).filter((m) => m.to === to).at(-1);
  const link = /http:\/\/127\.0\.0\.1:\d+(\/invitations\/[A-Za-z0-9_-]+)/.exec(email?.text ?? '')?.[1] ?? '';
  expect(link).not.toBe('');
  return link;
}

async function goToUsers(page: Page) {
  await page.getByRole('link', { name: /^(Company profile|Perfil da empresa)$/ }).click();
  await page
    .getByRole('navigation', { name: /^(Your organisation|Sua organização)$/ })
    .getByRole('link', { name: /^(Users|Usuários)$/ })
    .click();
}

async function invite(page: Page, email: string, name: string) {
  const form = page.getByRole('region', { name: 'Invite a user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role').selectOption({ label: 'Sales' });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

test('a partner admin invites a user, resends the invitation, and the user sets a password from the new link and logs in; the admin changes the role, deactivates them, and reads the audit log', async ({
  page,
  browser,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await goToUsers(page);
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  await invite(page, 'new.seller@demo-reseller.test', 'Nina Newseller');
  // Pending beside the users, with its dates, until she chooses a password.
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  const row = pending.getByRole('row', { name: /Nina Newseller/ });
  await expect(row).toContainText('new.seller@demo-reseller.test');
  await expect(row).toContainText('Sales');
  await expect(
    row.getByRole('button', { name: 'Cancel the invitation to new.seller@demo-reseller.test' }),
  ).toBeVisible();
  await expectNoViolations(page, 'users with a pending invitation');
  const first = await lastInvitationLink('new.seller@demo-reseller.test');

  // Sent again: a second email, and the first link no longer works.
  await row.getByRole('button', { name: 'Resend the invitation to new.seller@demo-reseller.test' }).click();
  await expect(
    page.getByText(
      'Invitation sent again to new.seller@demo-reseller.test. The link sent before no longer works.',
    ),
  ).toBeVisible();
  const link = await lastInvitationLink('new.seller@demo-reseller.test', 2);
  expect(link).not.toBe(first);
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(first);
  await expect(
    invited.getByText('This link has expired or was used already. Ask for a new one.'),
  ).toBeVisible();

  await invited.goto(link);
  await expect(invited.getByRole('heading', { name: 'Join Demo Reseller on Partner Portal' })).toBeVisible();
  await invited.getByLabel('Password', { exact: true }).fill('nina-chooses-a-long-one');
  await invited.getByLabel('Repeat the password').fill('nina-chooses-a-long-one');
  await invited.getByRole('button', { name: 'Set password' }).click();
  await expect(invited).toHaveURL(/\/login$/);
  await invited.getByLabel('Email').fill('new.seller@demo-reseller.test');
  await invited.getByLabel('Password').fill('nina-chooses-a-long-one');
  await invited.getByRole('button', { name: 'Log in' }).click();
  await expect(invited.getByRole('link', { name: 'Quotes' })).toBeVisible();

  // Now a user, no longer pending: the admin makes her billing, then deactivates her, and her
  // open page loses its session.
  await page.reload();
  await expect(page.getByRole('row', { name: /Nina Newseller/ })).toContainText('Active');
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
  await page.getByLabel('Role of Nina Newseller').selectOption({ label: 'Billing' });
  await expect(page.getByLabel('Role of Nina Newseller')).toHaveValue('billing');
  await page.getByRole('button', { name: 'Deactivate Nina Newseller' }).click();
  await page
    .getByRole('dialog', { name: 'Deactivate Nina Newseller?' })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(page.getByRole('row', { name: /Nina Newseller/ })).toContainText('Deactivated');
  await invited.reload();
  await expect(invited.getByRole('button', { name: 'Log in' })).toBeVisible();
  await context.close();

  await page
    .getByRole('navigation', { name: 'Your organisation' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await page.getByLabel('Action').selectOption({ label: 'Users' });
  // Each entry a sentence with names, not codes and ids (issue 18).
  for (const sentence of [
    'Dana Admin invited Nina Newseller as Sales',
    'Dana Admin sent the invitation to Nina Newseller again',
    'Nina Newseller accepted the invitation',
    'Dana Admin changed the role of Nina Newseller from Sales to Billing',
    'Dana Admin deactivated Nina Newseller',
  ])
    await expect(page.getByText(sentence, { exact: true })).toBeVisible();
  await expectNoViolations(page, 'audit log');
});

test("an invitation to be an administrator is in the Mailbox of the partner's admins, never of its sales users", async ({
  page,
  browser,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await page.goto('/company/users');
  const invite = page.getByRole('region', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill('second.admin@demo-reseller.test');
  await invite.getByLabel('Name').fill('Ada Secondadmin');
  await invite.getByLabel('Role').selectOption({ label: 'Administrator' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent to second.admin@demo-reseller.test.')).toBeVisible();

  // The admin who invited reads it (the Mailbox refreshes itself while open).
  await page.getByRole('link', { name: 'Mailbox' }).click();
  const row = page.getByRole('row', { name: /second\.admin@demo-reseller\.test/ });
  await expect(row).toBeVisible();
  const href = (await row.getByRole('link').getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/dev\/mailbox\/[0-9a-f-]{36}$/);

  // A seller of the same partner neither sees it listed nor opens it by its address.
  const context = await browser.newContext();
  const seller = await context.newPage();
  await logIn(seller, 'sales@demo-reseller.test');
  await seller.getByRole('link', { name: 'Mailbox' }).click();
  await expect(seller.getByRole('heading', { name: 'Development mailbox' })).toBeVisible();
  await expect(seller.getByText('Loading the mailbox…')).toBeHidden();
  await expect(seller.getByRole('row', { name: /second\.admin@demo-reseller\.test/ })).toHaveCount(0);
  await seller.goto(href);
  await expect(seller.getByText('This email is not in the mailbox.')).toBeVisible();
  await expect(seller.getByText(/\/invitations\//)).toHaveCount(0);
  await context.close();

  // Leave the shared demo data as it was: no second admin invited.
  await page.goto('/company/users');
  await page
    .getByRole('table', { name: 'Pending invitations' })
    .getByRole('row', { name: /Ada Secondadmin/ })
    .getByRole('button', { name: 'Cancel the invitation to second.admin@demo-reseller.test' })
    .click();
  await expect(
    page.getByText('The invitation to second.admin@demo-reseller.test is cancelled.'),
  ).toBeVisible();
});

test("inviting another partner's user looks like any invitation to the inviter; only the invitee's page says the address has a login; the admin cancels it", async ({
  page,
  browser,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await goToUsers(page);
  await invite(page, 'admin@outro-revendedor.test', 'Otto Elsewhere');
  const row = page
    .getByRole('table', { name: 'Pending invitations' })
    .getByRole('row', { name: /Otto Elsewhere/ });
  await expect(row).toContainText('admin@outro-revendedor.test');

  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(await lastInvitationLink('admin@outro-revendedor.test'));
  await expect(invited.getByRole('heading', { name: 'Join Demo Reseller on Partner Portal' })).toBeVisible();
  await expect(
    invited.getByText(
      'admin@outro-revendedor.test already has a Partner Portal login, so this invitation cannot be accepted with it.',
      { exact: false },
    ),
  ).toBeVisible();
  await expect(invited.getByLabel('Password', { exact: true })).toHaveCount(0);
  await expectNoViolations(invited, 'invitation of an address with a login');
  await context.close();

  await row.getByRole('button', { name: 'Cancel the invitation to admin@outro-revendedor.test' }).click();
  await expect(page.getByText('The invitation to admin@outro-revendedor.test is cancelled.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Otto Elsewhere/ })).toHaveCount(0);
});

test('em Português: um convite pendente aparece com Reenviar e Cancelar', async ({ page }) => {
  await logIn(page, 'admin@outro-revendedor.test');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await goToUsers(page);
  const form = page.getByRole('region', { name: 'Convidar um usuário' });
  await form.getByLabel('E-mail').fill('nova.vendedora@outro-revendedor.test');
  await form.getByLabel('Nome').fill('Nara Nova');
  await form.getByRole('button', { name: 'Enviar convite' }).click();
  const row = page.getByRole('table', { name: 'Convites pendentes' }).getByRole('row', { name: /Nara Nova/ });
  await expect(row).toContainText('nova.vendedora@outro-revendedor.test');
  await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(
    row.getByRole('button', { name: 'Reenviar o convite para nova.vendedora@outro-revendedor.test' }),
  ).toBeVisible();
  await expectNoViolations(page, 'convites pendentes');
  await row
    .getByRole('button', { name: 'Cancelar o convite para nova.vendedora@outro-revendedor.test' })
    .click();
  await expect(
    page.getByText('O convite para nova.vendedora@outro-revendedor.test foi cancelado.'),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Nara Nova/ })).toHaveCount(0);
});
