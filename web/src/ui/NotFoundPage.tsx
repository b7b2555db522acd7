import { Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle.tsx';
import { EmptyState } from './states.tsx';

/**
 * What is not there: an unknown address (the defaults), or a document this organisation has no
 * such one of ("Order not found"), with the way back to its list.
 */
export function NotFoundPage({
  title,
  children,
  back,
}: {
  title?: string;
  children?: ReactNode;
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{title ?? t('notFound.title')}</PageTitle>
      <EmptyState
        action={
          <Anchor component={Link} to={back?.to ?? '/'}>
            {back?.label ?? t('common.backHome')}
          </Anchor>
        }
      >
        {children ?? t('notFound.text')}
      </EmptyState>
    </Stack>
  );
}
