import { Anchor, Stack, Text } from '@mantine/core';

/** Where "View cart" leads: the Product Catalog, scrolled to its cart panel. */
export const CART_PATH = '/catalog#cart';

/**
 * A notification's text after a renewal, upgrade or downgrade went into the cart, with a "View cart"
 * link there. Notifications render outside the router, so the link navigates through the `onView`
 * it is given (the caller's `navigate`) rather than a router Link; it stays a real link (an href)
 * for a new tab or a screen reader.
 */
export function AddedToCart({
  done,
  viewCart,
  onView,
}: {
  done: string;
  viewCart: string;
  onView: () => void;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm">{done}</Text>
      <Anchor
        href={CART_PATH}
        size="sm"
        fw={600}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          onView();
        }}
      >
        {viewCart}
      </Anchor>
    </Stack>
  );
}
