import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BillingAddressInput, type CompanyProfile, cityLine } from '../../../../contract/index.ts';
import {
  BillingAddressFieldset,
  type BillingAddressValues,
  billingAddressFromFile,
  billingAddressValues,
} from '../../forms/BillingAddressFieldset.tsx';
import {
  FORM_ERROR,
  FormErrorAlert,
  focusFirstError,
  placeApiError,
  useContractForm,
} from '../../forms/contractForm.tsx';
import { countryLabel } from '../../i18n/countries.ts';
import { useFormat } from '../../i18n/format.ts';
import { keyText } from '../../i18n/messages.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useCompanyProfile, useSetBillingAddress } from './api.ts';
import { CompanyNav } from './CompanyNav.tsx';

/** Company profile: the organisation's terms, and the billing address quotes and orders start from. */
export function CompanyProfilePage() {
  const { t } = useTranslation();
  const profile = useCompanyProfile();
  return (
    <Stack gap="lg">
      <PageTitle>{t('company.title')}</PageTitle>
      <CompanyNav />
      <QueryState query={profile} loadingLabel={t('company.loading')}>
        {(data) => <Profile profile={data} />}
      </QueryState>
    </Stack>
  );
}

function Profile({ profile }: { profile: CompanyProfile }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="lg">
      <Table withTableBorder variant="vertical" maw={560}>
        <Table.Tbody>
          {(
            [
              ['name', profile.name],
              ['country', countryLabel(profile.country, i18n.language)],
              ['currency', profile.currency],
              ['discount', `${format.integer(profile.discountPercent)}%`],
              ['creditTerms', t(profile.creditTerms ? 'company.creditYes' : 'company.creditNo')],
            ] as const
          ).map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" w={200}>
                {t(`company.${key}`)}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {profile.actions.edit ? (
        <BillingAddressForm profile={profile} />
      ) : (
        <Stack gap={4}>
          <Text fw={600}>{t('company.billingAddress')}</Text>
          {profile.billingAddress ? (
            <Text style={{ whiteSpace: 'pre-line' }}>
              {[
                profile.billingAddress.companyName,
                profile.billingAddress.addressLine1,
                profile.billingAddress.addressLine2,
                cityLine(profile.billingAddress),
                countryLabel(profile.billingAddress.country, i18n.language),
                profile.billingAddress.vatId,
              ]
                .filter(Boolean)
                .join('\n')}
            </Text>
          ) : (
            <Text>{t('company.noBillingAddress')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('company.adminOnly')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

const Request = z.object({ billingAddress: BillingAddressInput });

function BillingAddressForm({ profile }: { profile: CompanyProfile }) {
  const { t } = useTranslation();
  const save = useSetBillingAddress();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useContractForm({
    schema: Request,
    initialValues: {
      billingAddress: profile.billingAddress
        ? billingAddressFromFile(profile.billingAddress)
        : billingAddressValues({ companyName: profile.name, country: profile.country }),
    } satisfies { billingAddress: BillingAddressValues },
    toInput: (values) => values,
  });
  const fixErrors = () => {
    form.setFieldError(FORM_ERROR, keyText('company.fixErrors'));
    focusFirstError(formRef.current);
  };
  const submit = form.onSubmit(
    ({ billingAddress }) =>
      save.mutate(billingAddress, {
        onSuccess: () => notifications.show({ color: 'teal', message: t('company.saved') }),
        onError: (error) => {
          // The API names the fields of the address it refuses; the form holds them under billingAddress.
          const placed = placeApiError(form, error, undefined, { fieldPrefix: 'billingAddress.' });
          if (placed && placed !== FORM_ERROR) fixErrors();
        },
      }),
    fixErrors,
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <BillingAddressFieldset form={form} legend={t('company.billingAddress')} />
        <Text size="sm" c="dimmed">
          {t('company.billingAddressUse')}
        </Text>
        <FormErrorAlert form={form} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('company.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
