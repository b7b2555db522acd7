import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LicenseSearchRequest } from '../../../../contract/index.ts';
import { issueText } from '../../i18n/messages.tsx';
import { fieldOf } from './renewalsUrl.ts';

const modes = ['licenses', 'email', 'serviceDomain', 'order', 'pack'] as const;
type Mode = (typeof modes)[number];

/**
 * The Search licenses pop-up (SPEC §5): one of five ways, one field for it. The value is checked
 * with the contract's schema before it is sent, so a malformed one is told here.
 */
export function SearchLicensesModal({
  opened,
  onClose,
  onSearch,
  pending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onSearch: (request: z.input<typeof LicenseSearchRequest>) => void;
  pending: boolean;
  error: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('licenses');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<React.ReactNode>(null);
  useEffect(() => setProblem(error), [error]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const request = { mode, [fieldOf[mode]]: value } as z.input<typeof LicenseSearchRequest>;
    const parsed = LicenseSearchRequest.safeParse(request);
    if (!parsed.success) {
      setProblem(issueText(parsed.error.issues[0] ?? { code: 'custom' }));
      return;
    }
    setProblem(null);
    onSearch(request);
  };

  const label = t(`renewals.modes.${mode}.label`);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('renewals.searchLicenses')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label={t('renewals.searchBy')}
            value={mode}
            onChange={(next) => {
              setMode(next as Mode);
              setProblem(null);
            }}
          >
            <Stack gap={6} mt={6}>
              {modes.map((m) => (
                <Radio key={m} value={m} label={t(`renewals.modes.${m}.choice`)} />
              ))}
            </Stack>
          </Radio.Group>
          {mode === 'licenses' ? (
            <Textarea
              label={label}
              description={t('renewals.modes.licenses.hint')}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={problem}
              autosize
              minRows={3}
              maxRows={10}
              data-autofocus
            />
          ) : (
            <TextInput
              label={label}
              description={t(`renewals.modes.${mode}.hint`)}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={problem}
              autoComplete="off"
              data-autofocus
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('renewals.search')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
