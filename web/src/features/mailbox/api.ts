import { useQuery } from '@tanstack/react-query';
import { mailboxApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

/** The development mailbox, refreshed while open: emails arrive after their request has answered. */
export function useMailbox() {
  return useQuery({
    queryKey: ['mailbox'],
    queryFn: ({ signal }) => call(mailboxApi.list, { signal }),
    refetchInterval: 3_000,
  });
}

export function useMailboxMessage(id: string) {
  return useQuery({
    queryKey: ['mailbox', id],
    queryFn: ({ signal }) => call(mailboxApi.get, { params: { id }, signal }),
  });
}
