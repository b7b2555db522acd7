import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChooseLanguage } from '../features/auth/api.ts';
import { isLanguage, languages } from '../i18n/index.ts';

/**
 * The language switch of the top bar. A native select: one labelled control, usable with the
 * keyboard and by screen readers without a separate pop-up list.
 */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const choose = useChooseLanguage();
  return (
    <NativeSelect
      label={t('topBar.language')}
      data={languages.map((language) => ({ value: language.code, label: language.label }))}
      value={i18n.language}
      onChange={(event) => {
        const code = event.currentTarget.value;
        if (isLanguage(code)) choose(code);
      }}
      size="xs"
      w={230}
      styles={{
        root: { display: 'flex', alignItems: 'center', gap: 8 },
        label: { whiteSpace: 'nowrap' },
        wrapper: { flex: 1 },
      }}
    />
  );
}
