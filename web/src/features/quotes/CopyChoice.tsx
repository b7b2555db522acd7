import { Radio, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Which copy of the quote an email carries (issue 18): nothing is chosen for the user, so the
 * partner's discount never reaches a customer by a default left alone.
 */
export function CopyChoice(props: { value: string; onChange: (value: string) => void; error?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('quoteCopy.choose')}
      withAsterisk
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    >
      <Stack gap="xs" mt={6}>
        <Radio value="customer" label={t('quoteCopy.customer')} description={t('quoteCopy.customerHint')} />
        <Radio value="internal" label={t('quoteCopy.internal')} description={t('quoteCopy.internalHint')} />
      </Stack>
    </Radio.Group>
  );
}
