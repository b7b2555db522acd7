import { type ClipboardEvent, type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { digitsOnly } from './addToCartValues.ts';

/** What the guard does to the form's quantity field. */
type QuantityField = {
  setValue: (value: number | string) => void;
  setError: (error: ReactNode) => void;
  clearError: () => void;
};

/**
 * Refuses what the quantity field would silently change ("1.5" → 15, "-5" → 5): a key that is not
 * a digit, or a paste that is not a whole number. `refusedKey` says the field no longer holds what
 * the user typed, so it is not added until they correct it.
 */
export function useQuantityGuard() {
  const [refusedKey, setRefusedKey] = useState(false);
  const lastKeyAt = useRef(0);

  const handlers = (field: QuantityField) => {
    const refuse = () => {
      setRefusedKey(true);
      field.setError(digitsOnly());
    };

    const accept = () => {
      setRefusedKey(false);
      field.clearError();
    };

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      lastKeyAt.current = performance.now();
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const input = event.currentTarget;
      if (event.key.length === 1 && !/^[0-9]$/.test(event.key)) {
        // The field would drop it silently ("1.5" → 15, "-5" → 5): refuse it and say why.
        event.preventDefault();
        refuse();
        return;
      }
      const replacesAll =
        event.key.length === 1 &&
        input.value.length > 0 &&
        input.selectionStart === 0 &&
        input.selectionEnd === input.value.length;
      const edits = ['Backspace', 'Delete', 'ArrowUp', 'ArrowDown'].includes(event.key);
      if (refusedKey && (edits || replacesAll)) accept();
    };

    const onChange = (value: number | string) => {
      field.setValue(value);
      // Emptied, or a whole new value not typed key by key (autofill, drag and drop): start afresh.
      // Otherwise a refused key still stands, and so does its message.
      const typed = performance.now() - lastKeyAt.current < 100;
      if (refusedKey && (value === '' || !typed)) accept();
      else if (refusedKey) field.setError(digitsOnly());
    };

    const onPasteCapture = (event: ClipboardEvent<HTMLInputElement>) => {
      if (!/^\s*\d+\s*$/.test(event.clipboardData.getData('text'))) {
        // Pasted "1.5" or "-5" would lose its point or sign too: refuse it whole.
        event.preventDefault();
        event.stopPropagation();
        field.setError(digitsOnly());
      } else if (refusedKey) {
        accept();
      }
    };

    return { onKeyDown, onChange, onPasteCapture };
  };

  return { refusedKey, handlers };
}
