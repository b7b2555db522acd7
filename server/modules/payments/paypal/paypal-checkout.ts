import {
  ApiError,
  CheckoutPaymentIntent,
  Client,
  Environment,
  OrdersController,
  PaymentsController,
} from '@paypal/paypal-server-sdk';
import { type Currency, minorUnitDigits } from '../../../../contract/money.ts';
import { type ChargeOutcome, PaymentUnavailableError } from '../provider.ts';

export interface PayPalSettings {
  clientId: string;
  clientSecret: string;
  environment: 'sandbox' | 'live';
  /** Send every call to this origin instead of PayPal's (a proxy, or the loopback stub of the tests). */
  endpointOverride?: string | undefined;
}

/**
 * PayPal Checkout (SPEC §8, `@paypal/paypal-server-sdk`, Orders v2): the buyer approves the payment
 * on PayPal's own pages, so it is a redirect and a return rather than a token:
 * `start` creates the PayPal order for a quote and answers the approval link; after the buyer comes
 * back, `capture` checks the PayPal order is that quote's, for its amount, and captures it.
 * Every call carries `PayPal-Request-Id`, so a retry after a timeout is the same call.
 */
export interface PayPalCheckout {
  start(input: {
    quoteNumber: string;
    amountMinor: number;
    currency: Currency;
    returnUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<{ orderId: string; approveUrl: string }>;
  capture(input: {
    orderId: string;
    quoteNumber: string;
    amountMinor: number;
    currency: Currency;
    idempotencyKey: string;
  }): Promise<ChargeOutcome>;
  refund(input: {
    reference: string;
    amountMinor: number;
    currency: Currency;
    idempotencyKey: string;
  }): Promise<void>;
}

/** Minor units as PayPal writes amounts: `1234.50`. */
export const paypalValue = (minor: number, currency: Currency) =>
  (minor / 10 ** minorUnitDigits[currency]).toFixed(minorUnitDigits[currency]);

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

export function paypalCheckout(settings: PayPalSettings): PayPalCheckout {
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
  return {
    start: async (input) => {
      const { result } = await orders
        .createOrder({
          body: {
            intent: CheckoutPaymentIntent.Capture,
            purchaseUnits: [
              {
                referenceId: input.quoteNumber,
                amount: {
                  currencyCode: input.currency,
                  value: paypalValue(input.amountMinor, input.currency),
                },
              },
            ],
            paymentSource: {
              paypal: { experienceContext: { returnUrl: input.returnUrl, cancelUrl: input.cancelUrl } },
            },
          },
          paypalRequestId: input.idempotencyKey,
        })
        .catch(unavailable);
      const approve = result.links?.find((l) => l.rel === 'payer-action' || l.rel === 'approve');
      if (!result.id || !approve) throw new PaymentUnavailableError('PayPal answered no order to approve');
      return { orderId: result.id, approveUrl: approve.href };
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
        .catch((error: unknown) => {
          // PayPal refusing the capture (not approved, instrument declined) is a decline.
          if (error instanceof ApiError && error.statusCode === 422) return { result: null };
          return unavailable(error);
        });
      const capture = result?.purchaseUnits?.[0]?.payments?.captures?.[0];
      if (result?.status !== 'COMPLETED' || !capture?.id)
        return { status: 'declined', reason: 'paypal_not_captured' };
      return { status: 'captured', reference: capture.id, brand: 'paypal', last4: null };
    },
    refund: async (input) => {
      await payments
        .refundCapturedPayment({
          captureId: input.reference,
          paypalRequestId: input.idempotencyKey,
          body: {
            amount: { currencyCode: input.currency, value: paypalValue(input.amountMinor, input.currency) },
          },
        })
        .catch(unavailable);
    },
  };
}
