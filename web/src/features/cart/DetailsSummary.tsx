import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { errorText } from '../../i18n/messages.tsx';
import type { TeamsAndPacks } from './cartDetailsChoice.ts';
import type { CartDetailsChoice } from './useCartDetailsChoice.ts';

/**
 * What the cart keeps for the Details tab, as one sentence: the team the new licenses go to and the
 * pack they start or join, named by its products and end date so the user can check the choice.
 */
export function DetailsSummary({
  saved,
  packs,
  details: { choice, save },
}: {
  saved: Cart['details'];
  packs: TeamsAndPacks['packs'];
  details: CartDetailsChoice;
}) {
  const { t } = useTranslation();
  const format = useFormat();

  const text = () => {
    if (save.isError) return errorText(save.error);
    if (save.isPending) return t('details.saving');
    if (choice.packKind === 'existing' && choice.packNumber === null) return t('details.packNotChosen');
    const team = saved.team
      ? t('details.savedTeam', { team: saved.team.name })
      : t('details.savedTeamDefault');
    const joined = saved.pack ? packs.find((p) => p.packNumber === saved.pack?.packNumber) : undefined;
    const pack = !saved.pack
      ? t('details.savedPackNew')
      : joined?.periodEnd
        ? t('details.savedPackJoin', {
            pack: joined.packNumber,
            products: format.list(joined.products.map((product) => product.name)),
            date: format.date(joined.periodEnd),
          })
        : t('details.savedPackJoinBare', { pack: saved.pack.packNumber });
    return t('details.saved', { team, pack });
  };

  return (
    <Text
      size="sm"
      c={save.isError ? 'red' : 'dimmed'}
      aria-live="polite"
      role={save.isError ? 'alert' : undefined}
    >
      {text()}
    </Text>
  );
}
