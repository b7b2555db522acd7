import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-2026';

export async function logIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  // In the user's language: a Brazilian partner's users start in Português.
  await expect(userMenu(page)).toBeVisible();
}

/** The top bar's user menu button: "User menu: <name> <partner>" (the first words only for screen readers). */
export function userMenu(page: Page) {
  return page.getByRole('button', { name: /^(User menu|Menu do usuário):/ });
}

/** Opens the user menu and waits for its items (language, Sessions, Log out). */
export async function openUserMenu(page: Page) {
  await userMenu(page).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').last()).toBeVisible();
  return menu;
}

/** Logs out through the user menu, in either language, and waits for the login page. */
export async function logOut(page: Page) {
  const menu = await openUserMenu(page);
  await menu.getByRole('menuitem', { name: /^(Log out|Sair)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Log in|Entrar)$/ })).toBeVisible();
}

/**
 * Switches the signed-in user's language the way a user does. Every spec switches language
 * through this one helper, so moving the switcher (into the user menu) changes one place.
 */
export async function chooseLanguage(page: Page, language: 'English' | 'Português (Brasil)') {
  const menu = await openUserMenu(page);
  // Named "Language: English": the first word is for screen readers only.
  await menu.getByRole('menuitem', { name: language }).click();
  await expect(menu).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'pt-BR');
}

/**
 * Chooses the state of an address (State in the US, UF in Brazil) from its searchable list, by
 * typing the start of its name. The list of options has the same name, so the field is found by role.
 */
export async function chooseState(page: Page, label: 'State' | 'UF' | 'Estado', option: string) {
  const field = page.getByRole('combobox', { name: label, exact: true });
  // Already chosen (the address on file): choosing it again changes nothing.
  if ((await field.inputValue()) === option) return;
  await field.fill(option.slice(0, 5));
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(field).toHaveValue(option);
}

/** Types into the start page's one search bar (going there first) and presses Search. */
export async function searchCustomers(page: Page, text: string) {
  await page.getByRole('link', { name: 'Partner Portal' }).first().click();
  await page.getByLabel('Search customers').fill(text);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The search bar's Customer ID step and the email pop-up (SPEC §3 item 1). */
export async function openAccountById(page: Page, customerId: string, email: string) {
  await page.getByLabel('Search customers').fill(customerId);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: "Confirm the customer's email" });
  await dialog.getByLabel('Customer email').fill(email);
  await dialog.getByRole('button', { name: 'Open account' }).click();
  await expect(dialog).toBeHidden();
  // An opened account leads to the Product Catalog: the start page is left behind before going on.
  await expect(page.getByRole('heading', { name: /^(Product Catalog|Catálogo de Produtos)$/ })).toBeVisible();
}

/** The Get Quote form's required fields (the company name comes pre-filled), then Create quote. */
/**
 * Opens the Search licenses pop-up and waits for its opening to settle (the field it focuses has
 * the focus), so a choice clicked next is not clicked on a pop-up still growing in.
 */
export async function openSearchLicenses(page: Page) {
  await page.getByRole('button', { name: 'Search licenses' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search licenses' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  return dialog;
}

export async function createQuoteFromForm(page: Page) {
  await page.getByLabel('Address line 1').fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await chooseState(page, 'State', 'California (CA)');
  await page.getByLabel('ZIP code').fill('94105');
  await page.getByLabel('Licensee name').fill('Ada Lovelace');
  await page.getByLabel('Licensee email').fill('ada@acme.test');
  await page.getByRole('button', { name: 'Create quote' }).click();
}

/** Saved for people to look at (e2e/.output/screenshots); the assertions are what test. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/.output/screenshots/${name}.png`, fullPage: false });
}

/** axe-core's WCAG 2.1 A/AA rules (labels, names, contrast, landmarks) on what the page shows now. */
export async function expectNoViolations(page: Page, screen: string) {
  // Colours are checked as they end up: a dialog still fading in would blend with the page behind.
  // (A transition cancelled meanwhile rejects its promise: it has ended too.)
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  // A notification left under an open dialog is dimmed by the dialog's overlay on purpose (and
  // leaves within seconds): the dialog is what is checked then.
  if ((await page.locator('[role="dialog"][aria-modal="true"]').count()) > 0)
    axe = axe.exclude('.mantine-Notifications-root').exclude('.mantine-Notification-root');
  const results = await axe.analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
  expect(found, `${screen}: ${found.join('\n')}`).toEqual([]);
}

/** What the portal sent to the test SMTP server (e2e/smtp-sink.ts), oldest first. */
export async function smtpMessages(): Promise<
  { to: string; subject: string; text: string; attachments: { filename: string; content: string }[] }[]
> {
  const response = await fetch('http://127.0.0.1:3126/messages');
  return response.json();
}

/** An element whose text the user cannot fully see, and why (see findCutOff). */
export type CutOff = { text: string; reason: string };

/**
 * Every visible element whose own text is not fully shown at the current viewport: cut by its own
 * box (an ellipsis, a hidden overflow: scrollWidth beyond clientWidth), by an ancestor that clips or
 * scrolls (a table wider than its scroll container), or lying outside the viewport horizontally.
 * Visually hidden text (1 px boxes for screen readers) is not looked at.
 */
export async function findCutOff(page: Page, root = 'body'): Promise<CutOff[]> {
  return page.evaluate((rootSelector) => {
    const found: { text: string; reason: string }[] = [];
    const scope = document.querySelector(rootSelector);
    if (!scope) return found;
    const viewportWidth = document.documentElement.clientWidth;
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
    const ownText = (element: Element) =>
      Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
    for (const element of Array.from(scope.querySelectorAll('*'))) {
      if (!(element instanceof HTMLElement)) continue;
      const text = ownText(element);
      if (!text) continue;
      const box = element.getBoundingClientRect();
      // Not shown, or a screen-reader-only box.
      if (box.width <= 2 || box.height <= 2) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const label = text.slice(0, 60);
      if (
        (clips(style) || style.textOverflow === 'ellipsis') &&
        element.scrollWidth > element.clientWidth + 1
      ) {
        found.push({
          text: label,
          reason: `cut by its own box (${element.scrollWidth} > ${element.clientWidth} px)`,
        });
        continue;
      }
      if (box.left < -1 || box.right > viewportWidth + 1) {
        found.push({
          text: label,
          reason: `outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${viewportWidth} px)`,
        });
        continue;
      }
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        const parentBox = parent.getBoundingClientRect();
        if (parentBox.width <= 2 || parentBox.height <= 2) break;
        if (!clips(getComputedStyle(parent))) continue;
        if (box.left < parentBox.left - 1 || box.right > parentBox.right + 1) {
          found.push({
            text: label,
            reason: `cut by a ${parent.tagName.toLowerCase()} that clips or scrolls (${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(parentBox.left)}–${Math.round(parentBox.right)} px)`,
          });
          break;
        }
      }
    }
    return found;
  }, root);
}

/** Nothing on the page (or under `root`) is cut off at the current viewport (see findCutOff). */
export async function expectNothingCutOff(page: Page, screen: string, root = 'body') {
  // Measured as the layout ends up, not while a dialog is still growing in.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
  const cut = await findCutOff(page, root);
  expect(cut, `${screen}: ${cut.map((c) => `"${c.text}" ${c.reason}`).join('\n')}`).toEqual([]);
}
