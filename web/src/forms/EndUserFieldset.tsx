import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** The fields of an EndUserInput as a form holds them (text as typed, '' for none). */
export type EndUserValues = { name: string; email: string; company: string };

export function endUserValues(start: { company?: string } = {}): EndUserValues {
  return { name: '', email: '', company: start.company ?? '' };
}

/**
 * The end user (licensee) of the subscriptions (the contract's EndUserInput) as a fieldset of a
 * form whose values hold it under `endUser`.
 */
export function EndUserFieldset<Values extends { endUser: EndUserValues }>({
  form,
  legend,
}: {
  form: UseFormReturnType<Values, unknown>;
  legend?: string;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend ?? t('endUser.legend')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label={t('endUser.name')} autoComplete="off" {...form.getInputProps('endUser.name')} />
        <TextInput
          label={t('endUser.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('endUser.email')}
        />
        <TextInput
          label={t('endUser.company')}
          description={t('common.optional')}
          autoComplete="off"
          {...form.getInputProps('endUser.company')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
