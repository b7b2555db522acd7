/**
 * The sandbox provider's test cards (docs/PAYMENTS.md): any future expiry and any CVC. The last
 * digits decide the outcome, as real providers' test cards do.
 */
export const sandboxTestCards = {
  success: '4242424242424242',
  decline: '4000000000000002',
  /** Asks the card holder to approve the payment (a 3-D Secure-like step) in the hosted form. */
  challenge: '4000000000003220',
  mastercard: '5555555555554444',
} as const;

export type SandboxOutcome = 'success' | 'decline' | 'challenge';

/** Luhn's check: a mistyped card number is told in the form, as a real one would be. */
export function luhnValid(number: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let digit = Number(number[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): string {
  if (number.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
  if (/^3[47]/.test(number)) return 'amex';
  return 'card';
}

export function outcomeOf(number: string): SandboxOutcome {
  if (number === sandboxTestCards.decline) return 'decline';
  if (number === sandboxTestCards.challenge) return 'challenge';
  return 'success';
}
