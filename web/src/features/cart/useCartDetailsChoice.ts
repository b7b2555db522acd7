import { useEffect, useState } from 'react';
import type { Cart } from '../../../../contract/index.ts';
import { useSetCartDetails } from './api.ts';
import { choiceFromSaved, type DetailsChoice, detailsRequest, noDetailsChoice } from './cartDetailsChoice.ts';

/**
 * The team and pack chosen for the cart: each change is saved with the cart as it is made (unless
 * `save` is false, as while a new team's name is typed), and the form follows what the server keeps.
 */
export function useCartDetailsChoice(cart: Cart) {
  const save = useSetCartDetails(cart.customer.customerId);
  const saved = cart.details;
  const [choice, setChoice] = useState<DetailsChoice>(noDetailsChoice);

  // The form follows what the server keeps (another tab may have changed it).
  useEffect(() => {
    setChoice(choiceFromSaved(saved));
  }, [saved]);

  const change = (patch: Partial<DetailsChoice>, andSave = true) => {
    setChoice((previous) => ({ ...previous, ...patch }));
    if (andSave) save.mutate(detailsRequest({ ...choice, ...patch }));
  };

  return { choice, change, save };
}

export type CartDetailsChoice = ReturnType<typeof useCartDetailsChoice>;
