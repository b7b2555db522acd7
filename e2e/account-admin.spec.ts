import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn, searchCustomers } from './helpers.ts';

test("a customer's account admin makes Demo Reseller its Purchaser by a link from email (read logged out, in demo mode); the reseller then opens the account without the email step", async ({
  page,
  browser,
}) => {
  await page.goto('/account-admin');
  await page.getByLabel('Customer ID').fill('6703615');
  await page.getByLabel('Your email').fill('it@acme.test');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('status')).toContainText('a sign-in link is on its way');
  await expectNoViolations(page, 'account admin start');

  // Demo mode: the page itself shows the sign-in email, to a visitor with no session at all.
  await page.getByRole('button', { name: 'Open the demo mailbox for this address' }).click();
  const mailbox = page.getByRole('region', { name: 'Demo mailbox of it@acme.test' });
  const email = mailbox.getByRole('article', { name: /^Sign in to manage Acme Corp/ }).first();
  await expect(email).toBeVisible();
  await expectNoViolations(page, 'account admin demo mailbox');
  await email.getByRole('link', { name: /\/account-admin\/sign-in\// }).click();
  await expect(page.getByRole('heading', { name: 'Partners of Acme Corp' })).toBeVisible();
  await page.getByLabel('Partner', { exact: true }).fill('Demo Res');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Make Demo Reseller Purchaser' }).click();
  await expect(page.getByRole('region', { name: 'Purchasers' })).toContainText('Demo Reseller');
  await expectNoViolations(page, 'account admin');

  // The reseller sees the change at once: Acme opens without asking for a customer email.
  const reseller = await (await browser.newContext()).newPage();
  await logIn(reseller, 'sales@demo-reseller.test');
  await searchCustomers(reseller, '6703615');
  await expect(reseller.getByRole('banner').getByText('Acme Corp')).toBeVisible();
  await expect(reseller.getByRole('dialog')).toHaveCount(0);
  await reseller.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(reseller.getByRole('row', { name: /Acme Corp/ })).toBeVisible();
  await reseller.context().close();

  // Leave the shared demo data as it was: the grant is withdrawn, and the history keeps both.
  await page.getByRole('button', { name: 'Withdraw Demo Reseller' }).click();
  await page
    .getByRole('dialog', { name: 'Withdraw Demo Reseller?' })
    .getByRole('button', { name: 'Withdraw' })
    .click();
  await expect(page.getByRole('region', { name: 'Purchasers' })).toContainText('No partner is a Purchaser');
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Demo Reseller withdrawn by it@acme.test',
  );
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Demo Reseller made Purchaser by it@acme.test',
  );
});
