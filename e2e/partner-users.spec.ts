import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, smtpMessages } from './helpers.ts';

test('a partner admin invites a user, who sets a password from the email and logs in; the admin changes the role, deactivates them, and reads the audit log', async ({
  page,
  browser,
}) => {
  await logIn(page, 'admin@demo-reseller.test');
  await page.getByRole('link', { name: 'Company profile' }).click();
  await page
    .getByRole('navigation', { name: 'Your organisation' })
    .getByRole('link', { name: 'Users' })
    .click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expectNoViolations(page, 'users');

  const invite = page.getByRole('region', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill('new.seller@demo-reseller.test');
  await invite.getByLabel('Name').fill('Nina Newseller');
  await invite.getByLabel('Role').selectOption({ label: 'Sales' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent to new.seller@demo-reseller.test.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Nina Newseller/ })).toContainText('Invited');

  // The invitation arrives over SMTP; its link sets the password, in another browser.
  await expect
    .poll(async () => (await smtpMessages()).some((m) => m.to === 'new.seller@demo-reseller.test'))
    .toBe(true);
  const email = (await smtpMessages()).find((m) => m.to === 'new.seller@demo-reseller.test');
  const link = /http:\/\/127\.0\.0\.1:\d+(\/invitations\/[A-Za-z0-9_-]+)/.exec(email?.text ?? '')?.[1] ?? '';
  expect(link).not.toBe('');
  const context = await browser.newContext();
  const invited = await context.newPage();
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

  // The admin makes her billing, then deactivates her: her open page loses its session.
  await page.reload();
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
  for (const action of ['user.invited', 'user.invitation_accepted', 'user.role_changed', 'user.deactivated'])
    await expect(page.getByText(action, { exact: true })).toBeVisible();
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

  // Leave the shared demo data as it was: no second admin waiting for a password.
  await page.goto('/company/users');
  await page.getByRole('button', { name: 'Deactivate Ada Secondadmin' }).click();
  await page
    .getByRole('dialog', { name: 'Deactivate Ada Secondadmin?' })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(page.getByRole('row', { name: /Ada Secondadmin/ })).toContainText('Deactivated');
});
