import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.tsx';
import { EmptyState } from './states.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <EmptyState
        action={
          <Anchor component={Link} to="/">
            {t('common.backHome')}
          </Anchor>
        }
      >
        {t('notFound.text')}
      </EmptyState>
    </Stack>
  );
}
