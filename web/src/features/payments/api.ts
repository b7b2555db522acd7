import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paymentMethodsApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

const key = ['payment-methods'] as const;

export function usePaymentMethods() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => call(paymentMethodsApi.list, { signal }) });
}

/** Adding, choosing the default and removing all answer the whole list, which replaces the cached one. */
export function useChangePaymentMethods() {
  const queryClient = useQueryClient();
  const store = (list: Awaited<ReturnType<typeof call<typeof paymentMethodsApi.list>>>) =>
    queryClient.setQueryData(key, list);
  // A list read still on its way (the page's own, started before the change) would land after the
  // change's answer and put the old list back: it is cancelled when a change starts.
  const settleReads = () => queryClient.cancelQueries({ queryKey: key });
  return {
    add: useMutation({
      mutationFn: ({ token, idempotencyKey }: { token: string; idempotencyKey: string }) =>
        call(paymentMethodsApi.add, { body: { token }, idempotencyKey }),
      onMutate: settleReads,
      onSuccess: store,
    }),
    /** Storing PayPal starts on PayPal's pages: the answer is where the browser goes. */
    startPayPal: useMutation({
      mutationFn: (idempotencyKey: string) => call(paymentMethodsApi.startPayPal, { idempotencyKey }),
    }),
    completePayPal: useMutation({
      mutationFn: (approvalId: string) =>
        call(paymentMethodsApi.completePayPal, {
          body: { approvalId },
          idempotencyKey: `paypal:${approvalId}`,
        }),
      onMutate: settleReads,
      onSuccess: store,
    }),
    setDefault: useMutation({
      mutationFn: (id: string) => call(paymentMethodsApi.setDefault, { params: { id } }),
      onMutate: settleReads,
      onSuccess: store,
    }),
    remove: useMutation({
      mutationFn: (id: string) => call(paymentMethodsApi.remove, { params: { id } }),
      onMutate: settleReads,
      onSuccess: store,
    }),
  };
}
