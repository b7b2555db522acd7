import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type TermChoice, termChoice, termOptions } from '../catalog/term.ts';

/** The term of licenses put into the cart (one or two years), as a native select. */
export function TermSelect({
  value,
  onChange,
  ...props
}: { value: TermChoice; onChange: (term: TermChoice) => void } & Omit<
  NativeSelectProps,
  'value' | 'onChange' | 'data'
>) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      {...props}
      data={termOptions(t)}
      value={value}
      onChange={(event) => onChange(termChoice(event.currentTarget.value))}
    />
  );
}
