import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../i18n/countries.ts';

/**
 * A searchable list of the contract's countries, named in the user's language. `value` is a
 * country code or '' for none, as a form holds it.
 */
export function CountrySelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <Select
      placeholder={t('billingAddress.countryPlaceholder')}
      nothingFoundMessage={t('billingAddress.countryNothingFound')}
      data={countries}
      searchable
      allowDeselect={false}
      autoComplete="off"
      maxDropdownHeight={280}
      {...props}
      value={value || null}
      onChange={(code) => onChange(code ?? '')}
    />
  );
}
