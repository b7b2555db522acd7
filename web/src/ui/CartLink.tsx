import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCart } from '../features/cart/api.ts';

/**
 * The open account's cart in the top bar: "Cart 3", the number of its lines, leading to the cart on
 * the catalog page. It reads the same query as the cart itself, which every change of a line
 * updates, so the number follows without a request of its own.
 */
export function CartLink({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const cart = useCart(customerId);
  const count = cart.data?.lines.length;
  return (
    <Button component={Link} to="/catalog#cart" variant="subtle" size="sm" data-testid="top-bar-cart">
      {t('topBar.cart')}
      {count === undefined ? null : (
        <>
          {/* A space of its own, so that the name reads "Cart 3 lines" and not "Cart3". */}{' '}
          <Badge ml={4} size="md" circle={count < 10}>
            {count}
          </Badge>
          <VisuallyHidden>{` ${t('topBar.cartLines', { count })}`}</VisuallyHidden>
        </>
      )}
    </Button>
  );
}
