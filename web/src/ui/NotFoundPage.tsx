import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './states.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('notFound.title')}
      </Title>
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
