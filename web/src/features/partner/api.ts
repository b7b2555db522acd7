import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type AuditLogFilters,
  type BillingAddressInput,
  type InviteUserRequest,
  partnerApi,
  partnerUsersApi,
  type Role,
} from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { listCsvUrl } from '../../api/csv-url.ts';
import { inUserDays } from '../../api/utc-offset.ts';

export const partnerKeys = { profile: ['partner', 'profile'] as const };

/** The user's organisation, with its billing address on file. */
export function useCompanyProfile() {
  return useQuery({
    queryKey: partnerKeys.profile,
    queryFn: ({ signal }) => call(partnerApi.profile, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSetBillingAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof BillingAddressInput>) => call(partnerApi.setBillingAddress, { body }),
    onSuccess: (profile) => queryClient.setQueryData(partnerKeys.profile, profile),
  });
}

const userKeys = {
  list: ['partner', 'users'] as const,
  audit: (filters: AuditLogFilters) => ['partner', 'audit', filters] as const,
};

/** The partner's users, for its admins. */
export function usePartnerUsers() {
  return useQuery({
    queryKey: userKeys.list,
    queryFn: ({ signal }) => call(partnerUsersApi.list, { signal }),
  });
}

/**
 * Inviting, resending or cancelling an invitation, changing a role and deactivating all answer the
 * whole list (users and pending invitations), which replaces the cached one.
 */
export function useChangePartnerUsers() {
  const queryClient = useQueryClient();
  const store = (list: Awaited<ReturnType<typeof call<typeof partnerUsersApi.list>>>) =>
    queryClient.setQueryData(userKeys.list, list);
  return {
    invite: useMutation({
      mutationFn: ({ body, idempotencyKey }: { body: InviteUserRequest; idempotencyKey: string }) =>
        call(partnerUsersApi.invite, { body, idempotencyKey }),
      onSuccess: store,
    }),
    resend: useMutation({
      mutationFn: (id: string) => call(partnerUsersApi.resendInvitation, { params: { id } }),
      onSuccess: store,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => call(partnerUsersApi.cancelInvitation, { params: { id } }),
      onSuccess: store,
    }),
    changeRole: useMutation({
      mutationFn: ({ id, role }: { id: string; role: Role }) =>
        call(partnerUsersApi.changeRole, { params: { id }, body: { role } }),
      onSuccess: store,
    }),
    deactivate: useMutation({
      mutationFn: (id: string) => call(partnerUsersApi.deactivate, { params: { id } }),
      onSuccess: store,
    }),
  };
}

export function useAuditLog(filters: AuditLogFilters) {
  return useQuery({
    queryKey: userKeys.audit(filters),
    queryFn: ({ signal }) => call(partnerUsersApi.audit, { query: inUserDays(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the log with the filters on screen: every matching entry, no pages. */
export function auditLogCsvUrl(filters: AuditLogFilters): string {
  return listCsvUrl(partnerUsersApi.auditCsv, inUserDays(filters));
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => call(partnerUsersApi.invitation, { params: { token }, signal }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      call(partnerUsersApi.acceptInvitation, { params: { token }, body: { password } }),
  });
}
