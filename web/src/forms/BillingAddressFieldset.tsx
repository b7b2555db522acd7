import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addressKindOf,
  type BillingAddress,
  countryCodes,
  euVatExample,
  stateNames,
  statesOf,
  taxIdExamples,
  taxIdKindOf,
} from '../../../contract/index.ts';
import { CountrySelect } from './CountrySelect.tsx';

/** The fields of a BillingAddressInput as a form holds them (text as typed, '' for none). */
export type BillingAddressValues = {
  companyName: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  /** The state's code (US) or UF (Brazil); '' for none, and ignored where the country has no list. */
  state: string;
  postalCode: string;
  country: string;
  vatId: string;
};

const isCountryCode = (code: string) => (countryCodes as readonly string[]).includes(code);

/** The billing address on file, as the form's values. */
export function billingAddressFromFile(address: BillingAddress): BillingAddressValues {
  return {
    companyName: address.companyName,
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? '',
    city: address.city,
    state: address.state ?? '',
    postalCode: address.postalCode,
    country: isCountryCode(address.country) ? address.country : '',
    vatId: address.vatId ?? '',
  };
}

/** A billing address to start from: the company's name and country, the rest to fill in. */
export function billingAddressValues(start: {
  companyName?: string;
  country?: string;
}): BillingAddressValues {
  return {
    companyName: start.companyName ?? '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    postalCode: '',
    country: start.country && isCountryCode(start.country) ? start.country : '',
    vatId: '',
  };
}

/**
 * A billing address (the contract's BillingAddressInput) as a fieldset of a form whose values hold
 * it under `billingAddress`: Get Quote now, checkout later.
 */
export function BillingAddressFieldset<Values extends { billingAddress: BillingAddressValues }>({
  form,
  legend,
}: {
  form: UseFormReturnType<Values, unknown>;
  legend?: string;
}) {
  const { t } = useTranslation();
  const field = (
    name: Exclude<keyof BillingAddressValues, 'state' | 'postalCode'>,
    autoComplete: string,
    optional = false,
  ) => (
    <TextInput
      label={t(`billingAddress.${name}`)}
      description={optional ? t('common.optional') : undefined}
      autoComplete={autoComplete}
      {...form.getInputProps(`billingAddress.${name}`)}
    />
  );

  const country = form.getInputProps('billingAddress.country');
  return (
    <Fieldset legend={legend ?? t('billingAddress.legend')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {field('companyName', 'organization')}
        {field('addressLine1', 'address-line1')}
        {field('addressLine2', 'address-line2', true)}
        {field('city', 'address-level2')}
        <CountrySelect
          label={t('billingAddress.country')}
          {...country}
          value={form.values.billingAddress.country}
          onChange={(code) => {
            country.onChange(code);
            // A state of the old country's list means nothing in the new one: it is chosen again.
            if (!statesOf(code)?.includes(form.values.billingAddress.state))
              form.getInputProps('billingAddress.state').onChange('');
          }}
        />
        <StateField form={form} />
        <PostalCodeField form={form} />
        <TaxIdField form={form} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** The state where the country asks for one: State in the US (50 and DC), UF in Brazil (27). */
function StateField<Values extends { billingAddress: BillingAddressValues }>({
  form,
}: {
  form: UseFormReturnType<Values, unknown>;
}) {
  const { t } = useTranslation();
  const country = form.values.billingAddress.country;
  const kind = addressKindOf(country);
  const states = statesOf(country);
  const data = useMemo(
    () =>
      (states ?? []).map((code) => ({
        value: code,
        label: kind === 'other' ? code : `${stateNames[kind === 'us' ? 'US' : 'BR'][code]} (${code})`,
      })),
    [states, kind],
  );
  if (kind === 'other') return null;
  const state = form.values.billingAddress.state;
  const input = form.getInputProps('billingAddress.state');
  return (
    <Select
      label={t(`billingAddress.state.${kind}`)}
      placeholder={t('billingAddress.statePlaceholder')}
      nothingFoundMessage={t('billingAddress.stateNothingFound')}
      data={data}
      searchable
      allowDeselect={false}
      autoComplete="off"
      maxDropdownHeight={280}
      {...input}
      value={states?.includes(state) ? state : null}
      onChange={(code) => input.onChange(code ?? '')}
    />
  );
}

/** The postal code under the country's name for it (ZIP code, CEP), with its format as a hint. */
function PostalCodeField<Values extends { billingAddress: BillingAddressValues }>({
  form,
}: {
  form: UseFormReturnType<Values, unknown>;
}) {
  const { t } = useTranslation();
  const kind = addressKindOf(form.values.billingAddress.country);
  return (
    <TextInput
      label={t(`billingAddress.postalCode.${kind}`)}
      description={kind === 'other' ? undefined : t(`billingAddress.postalCodeHint.${kind}`)}
      autoComplete="postal-code"
      inputMode={kind === 'other' ? undefined : 'numeric'}
      {...form.getInputProps('billingAddress.postalCode')}
    />
  );
}

/** The tax ID under the name the country gives it (CNPJ, VAT number, EIN, tax ID), with an example. */
function TaxIdField<Values extends { billingAddress: BillingAddressValues }>({
  form,
}: {
  form: UseFormReturnType<Values, unknown>;
}) {
  const { t } = useTranslation();
  const country = form.values.billingAddress.country;
  const kind = taxIdKindOf(country);
  const example = kind === 'eu_vat' ? euVatExample(country) : taxIdExamples[kind];
  return (
    <TextInput
      label={t(`billingAddress.taxId.${kind}`)}
      description={example ? t('billingAddress.taxIdHint', { example }) : t('common.optional')}
      autoComplete="off"
      {...form.getInputProps('billingAddress.vatId')}
    />
  );
}
