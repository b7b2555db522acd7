import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  Environment,
  type Order,
  OrdersController,
  PaymentsController,
  PaypalPaymentTokenCustomerType,
  PaypalPaymentTokenUsageType,
  VaultController,
  VaultInstructionAction,
  VaultTokenRequestType,
} from '@paypal/paypal-server-sdk';
import type { Currency } from '../../../../contract/money.ts';
import { decimalAmount } from '../../../lib/formatting.ts';
import { type ChargeOutcome, PaymentUnavailableError } from '../provider.ts';
import type { PayPalGateway } from './paypal-gateway.ts';

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  environment: 'sandbox' | 'live';
  /** Send every call to this origin instead of PayPal's (a proxy, or the loopback stub of the tests). */
  endpointOverride?: string | undefined;
}

/** Minor units as PayPal writes amounts: `1234.50`. */
export const paypalValue = decimalAmount;

/**
 * The SDK's HTTP client (axios) for another origin: PayPal's base URL is fixed by its environment,
 * so this adapter sends the same request — method, headers, basic auth of the token call, body —
 * to the override with fetch. The SDK reads every status itself (it accepts them all).
 */
function redirectingAdapter(origin: string) {
  return async (config: {
    url?: string;
    method?: string;
    headers?: Record<string, unknown> & { toJSON?: () => Record<string, unknown> };
    data?: unknown;
    auth?: { username: string; password: string };
  }) => {
    const url = new URL(config.url ?? '/');
    const target = new URL(origin);
    url.protocol = target.protocol;
    url.host = target.host;
    const raw = config.headers?.toJSON ? config.headers.toJSON() : (config.headers ?? {});
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw))
      if (value !== undefined && value !== null) headers.set(name, String(value));
    if (config.auth) {
      headers.set(
        'authorization',
        `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`,
      );
    }
    const method = (config.method ?? 'get').toUpperCase();
    const response = await fetch(url, {
      method,
      headers,
      ...(config.data === undefined || method === 'GET' ? {} : { body: String(config.data) }),
    });
    return {
      data: await response.text(),
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers),
      config,
      request: {},
    };
  };
}

function unavailable(error: unknown): never {
  if (error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500) throw error;
  throw new PaymentUnavailableError('PayPal did not answer', { cause: error });
}

/** PayPal refusing a capture (not approved, instrument declined: 422) is a decline, not an outage. */
function refusalAsNoOrder(error: unknown): { result: null } {
  if (error instanceof ApiError && error.statusCode === 422) return { result: null };
  return unavailable(error);
}

/** A completed order's capture is the payment; anything else is a decline. */
function captureOutcome(order: Order | null): ChargeOutcome {
  const capture = order?.purchaseUnits?.[0]?.payments?.captures?.[0];
  if (order?.status !== 'COMPLETED' || !capture?.id)
    return { status: 'declined', reason: 'paypal_not_captured' };
  return { status: 'captured', reference: capture.id, brand: 'paypal', last4: null };
}

const approveLink = (links: { rel: string; href: string }[] | undefined) =>
  links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href;

/** PayPal itself, through `@paypal/paypal-server-sdk` (see PayPalGateway). */
export function paypalCheckout(settings: PayPalSettings): PayPalGateway {
  const client = new Client({
    clientCredentialsAuthCredentials: {
      oAuthClientId: settings.clientId,
      oAuthClientSecret: settings.clientSecret,
    },
    environment: settings.environment === 'live' ? Environment.Production : Environment.Sandbox,
    timeout: 30_000,
    ...(settings.endpointOverride
      ? { unstable_httpClientOptions: { adapter: redirectingAdapter(settings.endpointOverride) } }
      : {}),
  });
  const orders = new OrdersController(client);
  const payments = new PaymentsController(client);
  const vault = new VaultController(client);
  const amountOf = (minor: number, currency: Currency) => ({
    currencyCode: currency,
    value: paypalValue(minor, currency),
  });
  return {
    provider: 'paypal',
    start: async (input) => {
      const { result } = await orders
        .createOrder({
          body: {
            intent: CheckoutPaymentIntent.Capture,
            purchaseUnits: [
              {
                referenceId: input.quoteNumber,
                amount: amountOf(input.amountMinor, input.currency),
              },
            ],
            paymentSource: {
              paypal: { experienceContext: { returnUrl: input.returnUrl, cancelUrl: input.cancelUrl } },
            },
          },
          paypalRequestId: input.idempotencyKey,
        })
        .catch(unavailable);
      const approveUrl = approveLink(result.links);
      if (!result.id || !approveUrl) throw new PaymentUnavailableError('PayPal answered no order to approve');
      return { orderId: result.id, approveUrl };
    },
    capture: async (input) => {
      // The order id comes back through the buyer's browser: it must be this quote's, for its amount.
      const { result: order } = await orders.getOrder({ id: input.orderId }).catch(unavailable);
      const unit = order.purchaseUnits?.[0];
      if (
        unit?.referenceId !== input.quoteNumber ||
        unit.amount?.currencyCode !== input.currency ||
        unit.amount.value !== paypalValue(input.amountMinor, input.currency)
      ) {
        return { status: 'declined', reason: 'paypal_order_mismatch' };
      }
      const { result } = await orders
        .captureOrder({
          id: input.orderId,
          paypalRequestId: input.idempotencyKey,
          prefer: 'return=representation',
        })
        .catch(refusalAsNoOrder);
      return captureOutcome(result);
    },
    findCapture: async (input) => {
      // PayPal's order tells whether it was captured: completed with its capture, or still waiting.
      const { result: order } = await orders.getOrder({ id: input.orderId }).catch(unavailable);
      return order.status === 'COMPLETED' ? captureOutcome(order) : null;
    },
    startVault: async (input) => {
      const { result } = await vault
        .createSetupToken({
          body: {
            paymentSource: {
              paypal: {
                usageType: PaypalPaymentTokenUsageType.Merchant,
                customerType: PaypalPaymentTokenCustomerType.Business,
                permitMultiplePaymentTokens: false,
                experienceContext: {
                  returnUrl: input.returnUrl,
                  cancelUrl: input.cancelUrl,
                  vaultInstruction: VaultInstructionAction.OnPayerApproval,
                },
              },
            },
          },
          paypalRequestId: input.idempotencyKey,
        })
        .catch(unavailable);
      const approveUrl = approveLink(result.links);
      if (!result.id || !approveUrl) throw new PaymentUnavailableError('PayPal answered no setup to approve');
      return { setupId: result.id, approveUrl };
    },
    finishVault: async (input) => {
      const made = await vault
        .createPaymentToken({
          body: { paymentSource: { token: { id: input.setupId, type: VaultTokenRequestType.SetupToken } } },
          paypalRequestId: input.idempotencyKey,
        })
        .catch((error: unknown) => {
          // A setup the buyer did not approve (or an unknown one) is refused, not an outage.
          if (error instanceof ApiError && (error.statusCode === 422 || error.statusCode === 404))
            return null;
          return unavailable(error);
        });
      const token = made?.result;
      const email = token?.paymentSource?.paypal?.emailAddress;
      if (!token?.id || !email) return null;
      return { vaultId: token.id, email };
    },
    chargeVaulted: async (input) => {
      // With a stored account PayPal captures at once: no buyer to approve, the order completes.
      const { result } = await orders
        .createOrder({
          body: {
            intent: CheckoutPaymentIntent.Capture,
            purchaseUnits: [
              { referenceId: input.quoteNumber, amount: amountOf(input.amountMinor, input.currency) },
            ],
            paymentSource: { paypal: { vaultId: input.vaultId } },
          },
          paypalRequestId: input.idempotencyKey,
          prefer: 'return=representation',
        })
        .catch(refusalAsNoOrder);
      return captureOutcome(result);
    },
    // PayPal keeps no lookup by request id: the same request again (PayPal-Request-Id) answers the
    // first order, or makes the payment the user asked for if the first never arrived.
    findVaultedCharge(input) {
      return this.chargeVaulted(input);
    },
    refund: async (input) => {
      await payments
        .refundCapturedPayment({
          captureId: input.reference,
          paypalRequestId: input.idempotencyKey,
          body: {
            amount: amountOf(input.amountMinor, input.currency),
          },
        })
        .catch(unavailable);
    },
  };
}
