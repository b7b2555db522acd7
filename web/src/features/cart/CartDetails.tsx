import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../../contract/index.ts';
import { QueryState } from '../../ui/QueryState.tsx';
import { usePacksAndTeams } from './api.ts';
import { CartNextSteps } from './CartNextSteps.tsx';
import { DetailsLinesTable } from './DetailsLinesTable.tsx';
import { DetailsSummary } from './DetailsSummary.tsx';
import { PackChoice } from './PackChoice.tsx';
import { TeamChoice } from './TeamChoice.tsx';
import { useCartDetailsChoice } from './useCartDetailsChoice.ts';

/**
 * The Details tab of the cart (SPEC §4): more on each subscription, the team of the account that
 * receives the new licenses, and the subscription pack they join. Each choice is saved with the
 * cart as it is made and copied to the quote; Get Quote and Checkout are here too.
 */
export function CartDetails({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  const packsAndTeams = usePacksAndTeams(cart.customer.customerId);
  const details = useCartDetailsChoice(cart);

  return (
    <Stack gap="md">
      <DetailsLinesTable lines={cart.lines} />

      <QueryState query={packsAndTeams} loadingLabel={t('details.loading')}>
        {(data) => (
          <Stack gap="md">
            <TeamChoice teams={data.teams} details={details} />
            <PackChoice packs={data.packs} details={details} />
            <DetailsSummary saved={cart.details} packs={data.packs} details={details} />
          </Stack>
        )}
      </QueryState>

      <CartNextSteps cart={cart} />
    </Stack>
  );
}
