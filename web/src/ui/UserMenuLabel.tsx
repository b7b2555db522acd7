import { Box, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../features/auth/session.tsx';

/**
 * The user menu's button, the same before its menu has loaded and after. Grey, its text in the
 * text's colour and the partner's name in grey 7: on the primary colour's hover shade the names fell
 * to 4.1:1 and (dimmed) 3.2:1, below axe's 4.5:1.
 */
export const USER_MENU_BUTTON = {
  variant: 'subtle',
  color: 'gray',
  c: 'var(--mantine-color-text)',
  size: 'compact-md',
  h: 'auto',
  py: 4,
} as const;

/** Who is signed in: "User menu:" (for screen readers only), the user's name and their partner's. */
export function UserMenuLabel() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <>
      <Box ta="right" lh={1.2}>
        <VisuallyHidden>{`${t('topBar.userMenu')}: `}</VisuallyHidden>
        <Text component="span" display="block" size="sm" fw={600} truncate="end" maw={200}>
          {session.user.name}
        </Text>{' '}
        <Text component="span" display="block" size="xs" c="gray.7" truncate="end" maw={200}>
          {session.partner.name}
        </Text>
      </Box>
      <Text component="span" aria-hidden ml={6} size="xs">
        ▾
      </Text>
    </>
  );
}
