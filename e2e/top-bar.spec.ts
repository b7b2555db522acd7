import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  chooseLanguage,
  expectNoViolations,
  logIn,
  openAccountById,
  openUserMenu,
  snapshot,
  userMenu,
} from './helpers.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';

/** Another browser of the same user, which says it is `userAgent`: its own cookies, its own session. */
async function signInElsewhere(browser: Browser, baseURL: string | undefined, userAgent: string) {
  const context = await browser.newContext({ baseURL, userAgent, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await logIn(page, 'sales@demo-reseller.test');
  return page;
}

/** The number the top bar's cart link shows, read from its name ("Cart 3 lines"). */
async function cartCount(page: Page): Promise<number> {
  const name = await page.getByTestId('top-bar-cart').textContent();
  const match = /(\d+)/.exec(name ?? '');
  if (!match) throw new Error(`no count in the cart link: ${name}`);
  return Number(match[1]);
}

test('the top bar names the user and partner; the user menu works by keyboard and holds menu items only', async ({
  page,
}) => {
  await logIn(page, 'sales@demo-reseller.test');
  const button = userMenu(page);
  await expect(button).toContainText('Sam Sales');
  await expect(button).toContainText('Demo Reseller');
  // No account open: no cart in the top bar.
  await expect(page.getByTestId('top-bar-cart')).toHaveCount(0);
  await expectNoViolations(page, 'top bar');

  // By keyboard: Enter opens, the arrows move between the items, Escape closes back to the button.
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveCount(4);
  await expect(menu.getByRole('menuitem', { name: 'Language: English' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(menu.getByRole('menuitem', { name: 'Language: Português (Brasil)' })).toHaveAttribute(
    'lang',
    'pt-BR',
  );
  await expectNoViolations(page, 'user menu open');
  await snapshot(page, 'top-bar-user-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  const sessions = menu.getByRole('menuitem', { name: 'Sessions' });
  await expect(sessions).toBeVisible();
  for (let step = 0; step < 4 && !(await sessions.evaluate((el) => el === document.activeElement)); step++)
    await page.keyboard.press('ArrowDown');
  await expect(sessions).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/sessions$/);

  // In Português, the same menu.
  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByRole('heading', { name: 'Sessões', level: 1 })).toBeVisible();
  const menuPt = await openUserMenu(page);
  await expect(menuPt.getByRole('menuitem', { name: 'Sessões' })).toBeVisible();
  await expect(menuPt.getByRole('menuitem', { name: 'Sair' })).toBeVisible();
  await expect(menuPt.getByRole('menuitem', { name: 'Idioma: Português (Brasil)' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expectNoViolations(page, 'user menu open in Portuguese');
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'English');
});

test('Sessions lists where the user is signed in and signs other browsers out', async ({
  page,
  browser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const firefox = await signInElsewhere(browser, baseURL, FIREFOX);
  const safari = await signInElsewhere(browser, baseURL, SAFARI);
  await logIn(page, 'sales@demo-reseller.test');

  const menu = await openUserMenu(page);
  await menu.getByRole('menuitem', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  const firefoxRow = table.getByRole('row', { name: /Firefox on Linux/ });
  const safariRow = table.getByRole('row', { name: /Safari on macOS/ });
  await expect(firefoxRow).toBeVisible();
  await expect(safariRow).toBeVisible();
  // This browser (headless Chromium) is "this session", with nothing to sign out.
  const current = table.getByRole('row', { name: /This session/ });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Chrome on Linux');
  await expect(current.getByRole('button')).toHaveCount(0);
  await expect(table.getByRole('columnheader')).toHaveText(['Browser', 'Signed in', 'Last seen', 'Actions']);
  await expect(firefoxRow).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await expectNoViolations(page, 'sessions');
  await snapshot(page, 'top-bar-sessions');

  await firefoxRow.getByRole('button', { name: 'Sign out Firefox on Linux' }).click();
  await expect(page.getByText('Signed out of Firefox on Linux.')).toBeVisible();
  await expect(firefoxRow).toHaveCount(0);
  await expect(safariRow).toBeVisible();
  // That browser's session is over: its next page asks it to log in again.
  await firefox.reload();
  await expect(firefox.getByRole('button', { name: 'Log in' })).toBeVisible();
  // The other still works.
  await safari.reload();
  await expect(userMenu(safari)).toBeVisible();

  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByRole('heading', { name: 'Sessões', level: 1 })).toBeVisible();
  await expect(table.getByRole('row', { name: /Esta sessão/ })).toContainText('Chrome em Linux');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Navegador',
    'Entrou em',
    'Última atividade',
    'Ações',
  ]);
  await expectNoViolations(page, 'sessions in Portuguese');
  await chooseLanguage(page, 'English');

  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText(/^Signed out of \d+ other sessions?\.$/)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('You are signed in in this browser only.')).toBeVisible();
  await safari.reload();
  await expect(safari.getByRole('button', { name: 'Log in' })).toBeVisible();
  // This one goes on.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await firefox.context().close();
  await safari.context().close();
});

test("the cart in the top bar counts the open account's lines and leads to the cart", async ({ page }) => {
  await logIn(page, 'sales@demo-reseller.test');
  await openAccountById(page, '6703615', 'it@acme.test');
  const cartLink = page.getByTestId('top-bar-cart');
  await expect(cartLink).toHaveAttribute('href', '/catalog#cart');
  const removeButtons = page.locator('#cart').getByRole('button', { name: /^Remove / });

  await page.getByRole('button', { name: /GoLand/ }).click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.locator('#cart').getByRole('button', { name: /^Remove GoLand/ })).toBeVisible();
  const lines = await removeButtons.count();
  // The visible text "Cart 3", inside its name "Cart 3 lines".
  await expect(cartLink).toHaveText(new RegExp(`^Cart ${lines} lines?$`));
  await expect(page.getByRole('link', { name: new RegExp(`^Cart ${lines} lines?$`) })).toBeVisible();
  expect(await cartCount(page)).toBe(lines);
  await expectNoViolations(page, 'catalog with the cart in the top bar');

  // Removing a line counts down at once.
  await page
    .locator('#cart')
    .getByRole('button', { name: /^Remove GoLand/ })
    .click();
  await expect(cartLink).toHaveText(new RegExp(`^Cart ${lines - 1} lines?$`));

  // From another page, the link leads to the cart of the catalog page.
  await page.getByRole('link', { name: 'Quotes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Quotes', exact: true })).toBeVisible();
  await cartLink.click();
  await expect(page).toHaveURL(/\/catalog#cart$/);
  await expect(page.locator('#cart')).toBeVisible();

  await chooseLanguage(page, 'Português (Brasil)');
  await expect(page.getByRole('link', { name: new RegExp(`^Carrinho ${lines - 1} linhas?$`) })).toBeVisible();
  await chooseLanguage(page, 'English');
});
