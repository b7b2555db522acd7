import { Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { PackKind, TeamsAndPacks } from './cartDetailsChoice.ts';
import type { CartDetailsChoice } from './useCartDetailsChoice.ts';

/** The subscription pack the new licenses join: a new pack, or an existing one of the account. */
export function PackChoice({
  packs,
  details: { choice, change },
}: {
  packs: TeamsAndPacks['packs'];
  details: CartDetailsChoice;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Radio.Group
      label={t('details.pack')}
      description={t('details.packHint')}
      value={choice.packKind}
      onChange={(value) => {
        const kind = value as PackKind;
        const first = choice.packNumber ?? packs[0]?.packNumber ?? null;
        change(kind === 'existing' ? { packKind: kind, packNumber: first } : { packKind: kind });
      }}
    >
      <Stack gap={6} mt={6}>
        <Radio value="new" label={t('details.packNew')} />
        <Radio value="existing" label={t('details.packExisting')} disabled={packs.length === 0} />
        {choice.packKind === 'existing' ? (
          <Select
            label={t('details.packChoose')}
            data={packs.map((pack) => ({
              value: pack.packNumber,
              label: pack.periodEnd
                ? t('details.packOption', {
                    pack: pack.packNumber,
                    date: format.date(pack.periodEnd),
                    count: pack.licenses,
                  })
                : pack.packNumber,
            }))}
            value={choice.packNumber}
            onChange={(value) => change({ packNumber: value })}
            allowDeselect={false}
            w={360}
            ml="xl"
          />
        ) : null}
      </Stack>
    </Radio.Group>
  );
}
