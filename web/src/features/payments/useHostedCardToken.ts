import { useEffect, useRef } from 'react';

export type HostedCard = { token: string; brand: string; last4: string };

/**
 * The payment provider's hosted form hands over a card's token by message; only messages from this
 * site's own origin and of the form's type count.
 */
export function useHostedCardToken(onCard: (card: HostedCard) => void): void {
  // The latest handler, so the listener is added once and never calls a stale one.
  const handler = useRef(onCard);
  handler.current = onCard;
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      const data = event.data as Partial<HostedCard> & { type?: string };
      if (data.type !== 'sandbox-pay:token' || !data.token || !data.brand || !data.last4) return;
      handler.current({ token: data.token, brand: data.brand, last4: data.last4 });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
}

/** The hosted card form's address in the user's language. */
export const hostedFormUrl = (language: string) =>
  `/sandbox-pay/form?locale=${language === 'pt-BR' ? 'pt-BR' : 'en'}`;
