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

test('two filters changed before the first change has shown are both kept', async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await page.goto('/customers/7012345/licensing-report?product=DG');
  await expect(page.getByText(/of 5 licenses/)).toBeVisible();
  const product = await page.getByLabel('Product').elementHandle();
  const status = await page.getByLabel('Status').elementHandle();
  // Both changes in one task, as a fast user on a busy machine makes them: the second must start
  // from the first, not from the filters the page showed before it.
  await page.evaluate(
    ([productSelect, statusSelect]) => {
      const choose = (select: HTMLSelectElement | null | undefined, value: string) => {
        if (!select) throw new Error('select not found');
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      choose(productSelect as HTMLSelectElement | null, '');
      choose(statusSelect as HTMLSelectElement | null, 'renewable');
    },
    [product, status],
  );
  await expect(page.getByText(/of 1 license$/)).toBeVisible();
  await expect(page).toHaveURL(/status=renewable/);
  await expect(page).not.toHaveURL(/product=/);
});
