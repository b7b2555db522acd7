import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../auth/session.tsx';
import { usePaymentMethods } from '../payments/api.ts';

/** The payment method radios: the stored methods, then card, PayPal and postpaid where offered. */
export function PaymentMethodChoice({
  method,
  onChange,
  creditTerms,
}: {
  method: string;
  onChange: (method: string) => void;
  creditTerms: boolean;
}) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const stored = usePaymentMethods().data?.items ?? [];
  return (
    <Radio.Group value={method} onChange={onChange} label={t('checkout.paymentMethod')}>
      <Group mt={4}>
        {stored.map((m) => (
          <Radio
            key={m.id}
            value={`stored:${m.id}`}
            label={
              m.kind === 'paypal'
                ? t('checkout.storedPayPal', { email: m.email })
                : t('checkout.storedCard', {
                    brand: m.brand.toUpperCase(),
                    last4: m.last4,
                    expiry: `${m.expMonth}/${m.expYear}`,
                  })
            }
          />
        ))}
        {session.features.cardForm ? <Radio value="card" label={t('checkout.card')} /> : null}
        {session.features.paypal ? <Radio value="paypal" label={t('checkout.paypal')} /> : null}
        {creditTerms ? <Radio value="postpaid" label={t('checkout.postpaid')} /> : null}
      </Group>
    </Radio.Group>
  );
}
