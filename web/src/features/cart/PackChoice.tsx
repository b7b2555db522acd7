import { Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { PackKind, TeamsAndPacks } from './cartDetailsChoice.ts';
import type { CartDetailsChoice } from './useCartDetailsChoice.ts';

/**
 * The subscription pack the new licenses join: a new pack, or an existing one of the account. An
 * existing pack is never picked for the user: choosing "existing" opens the list, and the pack is
 * saved once one is chosen (until then the cart keeps a new pack).
 */
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
        // A pack chosen earlier stays chosen; otherwise nothing changes on the server yet.
        if (kind === 'existing') change({ packKind: kind }, choice.packNumber !== null);
        else change({ packKind: kind, packNumber: null });
      }}
    >
      <Stack gap={6} mt={6}>
        <Radio value="new" label={t('details.packNew')} />
        <Radio value="existing" label={t('details.packExisting')} disabled={packs.length === 0} />
        {choice.packKind === 'existing' ? (
          <Select
            label={t('details.packChoose')}
            placeholder={t('details.packChoosePlaceholder')}
            data={packs.map((pack) => {
              const products = format.list(pack.products.map((product) => product.name));
              return {
                value: pack.packNumber,
                label: pack.periodEnd
                  ? t('details.packOption', {
                      pack: pack.packNumber,
                      products,
                      date: format.date(pack.periodEnd),
                      count: pack.licenses,
                    })
                  : t('details.packOptionNoEnd', { pack: pack.packNumber, products }),
              };
            })}
            value={choice.packNumber}
            onChange={(value) => change({ packNumber: value })}
            allowDeselect={false}
            maw={640}
            w="100%"
            ml="xl"
          />
        ) : null}
      </Stack>
    </Radio.Group>
  );
}
