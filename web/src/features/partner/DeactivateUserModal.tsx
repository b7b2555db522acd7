import { useTranslation } from 'react-i18next';
import type { PartnerUser } from '../../../../contract/index.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { useShowFailure } from '../../ui/useShowFailure.ts';
import { useChangePartnerUsers } from './api.ts';

/** Asks before deactivating a user: their sessions end at once and they can no longer log in. */
export function DeactivateUserModal({ user, onClose }: { user: PartnerUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = useShowFailure();
  const change = useChangePartnerUsers();
  return (
    <ConfirmModal
      opened={user !== null}
      onClose={onClose}
      title={t('users.deactivateTitle', { name: user?.name ?? '' })}
      text={t('users.deactivateText')}
      confirmLabel={t('users.deactivate')}
      pending={change.deactivate.isPending}
      onConfirm={() => user && change.deactivate.mutate(user.id, { onSuccess: onClose, onError: failed })}
    />
  );
}
