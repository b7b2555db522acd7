import type { PayPalGateway } from './paypal/paypal-gateway.ts';
import type { PaymentProvider } from './provider.ts';

// The payments module's members of the app's Portal: the HTTP layer stays free of providers.
declare module '../../http/portal.ts' {
  interface Portal {
    /** The payment provider orders are charged through (the sandbox unless configured otherwise). */
    payments: PaymentProvider;
    /** PayPal (or the sandbox's stand-in for it); null where it is not offered. */
    paypal: PayPalGateway | null;
  }
}
