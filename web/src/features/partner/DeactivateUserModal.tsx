import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PartnerUser } from '../../../../contract/index.ts';
import { isHandledGlobally, useErrorMessage } from '../../i18n/errors.ts';
import { useChangePartnerUsers } from './api.ts';

/** Asks before deactivating a user: their sessions end at once and they can no longer log in. */
export function DeactivateUserModal({ user, onClose }: { user: PartnerUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const change = useChangePartnerUsers();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('users.deactivateTitle', { name: user?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('users.deactivateText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.9"
            loading={change.deactivate.isPending}
            onClick={() =>
              user &&
              change.deactivate.mutate(user.id, {
                onSuccess: onClose,
                onError: (error) => {
                  if (!isHandledGlobally(error))
                    notifications.show({ color: 'red', message: errorMessage(error) });
                },
              })
            }
          >
            {t('users.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
