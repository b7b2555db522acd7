import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChooseLanguage, useLogout } from '../features/auth/api.ts';
import { languages } from '../i18n/index.ts';
import { USER_MENU_BUTTON, UserMenuLabel } from './UserMenuLabel.tsx';

/**
 * Who is signed in (the user and their partner), and their own things in one menu: the language,
 * their sessions, and log out. The button's name is its visible text (plus words only a screen
 * reader needs), and the open menu holds menu items only: a heading or divider inside a `menu`
 * is not one of its allowed children.
 */
/** `openAtOnce`: the button was clicked while the menu was still loading (TopBarParts.tsx). */
export function UserMenu({ openAtOnce = false }: { openAtOnce?: boolean }) {
  const { t, i18n } = useTranslation();
  const chooseLanguage = useChooseLanguage();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <Menu
      position="bottom-end"
      width={240}
      withinPortal
      defaultOpened={openAtOnce}
      // Mantine's focus placeholder (a focusable "presentation" div) is no allowed child of a menu.
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <Button {...USER_MENU_BUTTON} loading={logout.isPending}>
          <UserMenuLabel />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {languages.map((language) => {
          const chosen = i18n.language === language.code;
          return (
            <Menu.Item
              key={language.code}
              lang={language.code}
              aria-current={chosen ? 'true' : undefined}
              leftSection={<span aria-hidden>{chosen ? '✓' : ''}</span>}
              onClick={() => chooseLanguage(language.code)}
            >
              <VisuallyHidden>{`${t('topBar.language')}: `}</VisuallyHidden>
              {language.label}
            </Menu.Item>
          );
        })}
        {/* A plain item that navigates: a link inside the menu is announced as a link, not an item. */}
        <Menu.Item onClick={() => void navigate('/sessions')}>{t('topBar.sessions')}</Menu.Item>
        <Menu.Item onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}>
          {t('topBar.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
