import type { Currency } from '../../../../contract/money.ts';
import type { PaymentProviderName } from '../../../../contract/orders.ts';
import type { ChargeOutcome } from '../provider.ts';

export interface CaptureRequest {
  orderId: string;
  quoteNumber: string;
  amountMinor: number;
  currency: Currency;
  idempotencyKey: string;
}

export interface VaultedChargeRequest {
  vaultId: string;
  quoteNumber: string;
  amountMinor: number;
  currency: Currency;
  idempotencyKey: string;
}

/**
 * PayPal as the portal uses it (SPEC §8, Orders v2 and the Vault): the buyer approves on PayPal's
 * own pages, so paying and storing the account are a redirect and a return rather than a token.
 * `paypalCheckout` is PayPal itself; `sandboxPayPal` stands in for it with the same steps. Every
 * call carries an idempotency key (`PayPal-Request-Id`), so a retry after a timeout is the same call.
 */
export interface PayPalGateway {
  /** Who takes the money: recorded on the payment and the stored method. */
  readonly provider: PaymentProviderName;
  /** Creates the order for a quote's total and answers where the buyer approves it. */
  start(input: {
    quoteNumber: string;
    amountMinor: number;
    currency: Currency;
    returnUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ orderId: string; approveUrl: string }>;
  /** Captures an approved order, once it is checked to be this quote's and for its amount. */
  capture(input: CaptureRequest): Promise<ChargeOutcome>;
  /** The capture of that order, or null when it was not captured (the recovery of Place order). */
  findCapture(input: CaptureRequest): Promise<ChargeOutcome | null>;
  /** Starts storing the buyer's account for later payments: where the buyer approves it. */
  startVault(input: {
    returnUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ setupId: string; approveUrl: string }>;
  /** The stored account an approved setup became; null when the buyer did not approve it. */
  finishVault(input: {
    setupId: string;
    idempotencyKey: string;
  }): Promise<{ vaultId: string; email: string } | null>;
  /** Charges a stored account, without the buyer: a payment they agreed to when storing it. */
  chargeVaulted(input: VaultedChargeRequest): Promise<ChargeOutcome>;
  /** What that charge came to, or null when there was none (the recovery of Place order). */
  findVaultedCharge(input: VaultedChargeRequest): Promise<ChargeOutcome | null>;
  refund(input: {
    reference: string;
    amountMinor: number;
    currency: Currency;
    idempotencyKey: string;
  }): Promise<void>;
}
