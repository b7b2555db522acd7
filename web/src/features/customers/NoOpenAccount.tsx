import { Anchor, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { EmptyState } from '../../ui/states.tsx';

/** What a page that works on a customer account shows while none is open. */
export function NoOpenAccount({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{title}</PageTitle>
      <EmptyState
        title={t('catalog.noAccountTitle')}
        action={
          <Anchor component={Link} to="/">
            {t('catalog.findCustomer')}
          </Anchor>
        }
      >
        {children}
      </EmptyState>
    </Stack>
  );
}
