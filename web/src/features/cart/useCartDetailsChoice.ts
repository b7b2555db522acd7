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
  // An existing pack the user is still to pick from the list stays open meanwhile (saving the team
  // must not close it): the cart keeps a new pack until one is chosen.
  useEffect(() => {
    setChoice((previous) => {
      const next = choiceFromSaved(saved);
      const choosingPack = previous.packKind === 'existing' && previous.packNumber === null;
      return choosingPack && next.packKind === 'new' ? { ...next, packKind: 'existing' } : next;
    });
  }, [saved]);

  const change = (patch: Partial<DetailsChoice>, andSave = true) => {
    setChoice((previous) => ({ ...previous, ...patch }));
    if (andSave) save.mutate(detailsRequest({ ...choice, ...patch }));
  };

  return { choice, change, save };
}

export type CartDetailsChoice = ReturnType<typeof useCartDetailsChoice>;
