import { CheckoutAPI, Client, EnvironmentEnum, HttpClientException, Types } from '@adyen/api-library';
import type { ChargeOutcome, PaymentProvider } from '../provider.ts';
import { PaymentUnavailableError } from '../provider.ts';

export interface AdyenSettings {
  apiKey: string;
  merchantAccount: string;
  environment: 'TEST' | 'LIVE';
  /** Where a card holder comes back to after an action at the bank (the portal's address). */
  returnUrl: string;
  /** Your live endpoint prefix (LIVE only), as Adyen's Customer Area gives it. */
  liveEndpointUrlPrefix?: string | undefined;
  /**
   * Send every call to this origin instead of Adyen's (a proxy, or the loopback stub of the tests);
   * the paths stay Adyen's.
   */
  endpointOverride?: string | undefined;
  /** How long a call may take before it counts as no answer (an outage); 30 s unless told. */
  timeoutMs?: number | undefined;
}

type HttpClient = NonNullable<ConstructorParameters<typeof Client>[1]>;

/**
 * The library's HTTP client for another origin (see endpointOverride): Adyen's own client speaks
 * HTTPS to Adyen only, so this one sends the same request — API key, Idempotency-Key, JSON body,
 * query parameters — with fetch, and fails the way Adyen's does (HttpClientException with the status).
 */
function redirectingClient(origin: string): HttpClient {
  return {
    request: async (endpoint, json, config, _isApiKeyRequired, options) => {
      const url = new URL(endpoint);
      const target = new URL(origin);
      url.protocol = target.protocol;
      url.host = target.host;
      for (const [name, value] of Object.entries(options?.params ?? {}))
        url.searchParams.set(name, String(value));
      const method = options?.method ?? 'POST';
      const response = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(config.apiKey ? { 'x-api-key': config.apiKey } : {}),
          ...(options?.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        },
        ...(method === 'GET' || method === 'DELETE'
          ? {}
          : { body: typeof json === 'string' ? json : new Uint8Array(json) }),
        signal: AbortSignal.timeout(config.connectionTimeoutMillis ?? 30_000),
      });
      const body = await response.text();
      if (!response.ok) {
        throw new HttpClientException({
          message: `HTTP ${response.status}`,
          statusCode: response.status,
          responseBody: body,
        });
      }
      return body;
    },
  };
}

/** A refusal Adyen answers with a 4xx is Adyen's answer; anything else (no answer, 5xx) may hide a charge. */
function unavailable(error: unknown): never {
  const status = error instanceof HttpClientException ? error.statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) throw error;
  throw new PaymentUnavailableError('Adyen did not answer', { cause: error });
}

/**
 * Adyen's Checkout API (SPEC §8, `@adyen/api-library`): cards are tokenised by Adyen (its Drop-in
 * or stored payment methods) and the portal charges the stored payment method id with the partner
 * as the shopper (card on file, merchant-initiated). Every call carries the portal's idempotency
 * key as Adyen's `Idempotency-Key`, so a retry after a timeout returns the first payment.
 */
export function adyenProvider(settings: AdyenSettings): PaymentProvider {
  const client = new Client(
    {
      apiKey: settings.apiKey,
      environment: settings.environment === 'LIVE' ? EnvironmentEnum.LIVE : EnvironmentEnum.TEST,
      ...(settings.liveEndpointUrlPrefix ? { liveEndpointUrlPrefix: settings.liveEndpointUrlPrefix } : {}),
      ...(settings.timeoutMs ? { connectionTimeoutMillis: settings.timeoutMs } : {}),
    },
    settings.endpointOverride ? redirectingClient(settings.endpointOverride) : undefined,
  );
  const checkout = new CheckoutAPI(client);
  return {
    name: 'adyen',
    // Adyen's Checkout API reads no payment back by our key: the same request with the same
    // Idempotency-Key answers the first payment, or makes the one the user asked for if the first
    // never arrived (docs/PAYMENTS.md).
    findCharge(input) {
      return this.charge(input);
    },
    charge: async (input) => {
      const answer = await checkout.PaymentsApi.payments(
        {
          amount: { currency: input.currency, value: input.amountMinor },
          reference: input.description,
          merchantAccount: settings.merchantAccount,
          returnUrl: settings.returnUrl,
          paymentMethod: {
            type: Types.checkout.CardDetails.TypeEnum.Scheme,
            storedPaymentMethodId: input.token,
          },
          shopperReference: input.shopperReference,
          shopperInteraction: Types.checkout.PaymentRequest.ShopperInteractionEnum.ContAuth,
          recurringProcessingModel: Types.checkout.PaymentRequest.RecurringProcessingModelEnum.CardOnFile,
        },
        { idempotencyKey: input.idempotencyKey },
      ).catch((error: unknown): Types.checkout.PaymentResponse => {
        // Adyen refusing the request itself (a disabled stored card, a bad field) is a decline.
        if (error instanceof HttpClientException && error.statusCode >= 400 && error.statusCode < 500) {
          return {
            resultCode: Types.checkout.PaymentResponse.ResultCodeEnum.Refused,
            refusalReason: `rejected_${error.statusCode}`,
          };
        }
        return unavailable(error);
      });
      const result = String(answer.resultCode ?? '');
      if (result === 'Authorised' && answer.pspReference) {
        const summary = answer.additionalData?.cardSummary;
        return {
          status: 'captured',
          reference: answer.pspReference,
          brand: answer.paymentMethod?.brand ?? answer.additionalData?.paymentMethod ?? null,
          last4: summary && /^\d{4}$/.test(summary) ? summary : null,
        } satisfies ChargeOutcome;
      }
      // Refused, or an action only the card holder can take (3-D Secure) on a merchant-initiated payment.
      return { status: 'declined', reason: answer.refusalReason ?? result.toLowerCase() };
    },
    refund: async (input) => {
      // A reversal cancels a payment not yet captured and refunds a captured one: right whichever
      // capture setting the merchant account has.
      await checkout.ModificationsApi.refundOrCancelPayment(
        input.reference,
        { merchantAccount: settings.merchantAccount, reference: `refund ${input.reference}` },
        { idempotencyKey: input.idempotencyKey },
      ).catch(unavailable);
    },
    describe: async (token, shopperReference) => {
      const stored = await checkout.RecurringApi.getTokensForStoredPaymentDetails(
        shopperReference,
        settings.merchantAccount,
      ).catch(unavailable);
      const method = stored.storedPaymentMethods?.find((m) => m.id === token);
      if (!method?.lastFour || !method.expiryMonth || !method.expiryYear) return null;
      return {
        brand: method.brand ?? 'card',
        last4: method.lastFour,
        expMonth: method.expiryMonth.padStart(2, '0'),
        expYear: method.expiryYear.length === 2 ? `20${method.expiryYear}` : method.expiryYear,
      };
    },
  };
}
