import { expect, test } from '@playwright/test';
import { expectNoViolations, logIn } from './helpers.ts';

test('Customers: the managed account, its licensing report with filters and CSV, and opening it directly', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  const globex = page.getByRole('row', { name: /Globex Ltda/ });
  await expect(globex).toContainText('7012345');
  await expectNoViolations(page, 'customers');

  await page.getByRole('link', { name: 'Licensing report of Globex Ltda' }).click();
  await expect(page.getByRole('heading', { name: 'Licensing report: Globex Ltda (7012345)' })).toBeVisible();
  await expect(page.getByText(/of 11 licenses/)).toBeVisible();
  await expectNoViolations(page, 'licensing report');

  await page.getByLabel('Product').selectOption({ label: 'DataGrip' });
  await expect(page.getByText(/of 5 licenses/)).toBeVisible();
  await page.getByLabel('Product').selectOption({ label: 'All products' });
  await page.getByLabel('Status').selectOption({ label: 'Renewal open' });
  await expect(page.getByText(/of 1 license$/)).toBeVisible();
  await expect(page.getByRole('row', { name: /PhpStorm/ })).toContainText('Yes');

  const csvUrl = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  expect(csvUrl).toContain('status=renewable');
  const csv = await page.request.get(csvUrl ?? '');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('PhpStorm');

  await page.getByRole('link', { name: 'Back to Customers' }).click();
  await page.getByRole('button', { name: 'Open Globex Ltda' }).click();
  await expect(page.getByRole('heading', { name: 'Product Catalog' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Globex Ltda')).toBeVisible();
});
