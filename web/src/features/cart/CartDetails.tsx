import { Button, Group, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Cart, SetCartDetailsRequest } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { errorText } from '../../i18n/messages.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { useCan } from '../auth/session.tsx';
import { usePacksAndTeams, useSetCartDetails } from './api.ts';

type TeamKind = 'none' | 'existing' | 'new';
type PackKind = 'new' | 'existing';

/**
 * The Details tab of the cart (SPEC §4): more on each subscription, the team of the account that
 * receives the new licenses, and the subscription pack they join. Each choice is saved with the
 * cart as it is made and copied to the quote; Get Quote and Checkout are here too.
 */
export function CartDetails({ cart }: { cart: Cart }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const canQuote = useCan('quotes.create');
  const canOrder = useCan('orders.create');
  const customerId = cart.customer.customerId;
  const packsAndTeams = usePacksAndTeams(customerId);
  const save = useSetCartDetails(customerId);
  const saved = cart.details;

  const [teamKind, setTeamKind] = useState<TeamKind>('none');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [teamName, setTeamName] = useState('');
  const [packKind, setPackKind] = useState<PackKind>('new');
  const [packNumber, setPackNumber] = useState<string | null>(null);

  // The form follows what the server keeps (another tab may have changed it).
  useEffect(() => {
    setTeamKind(saved.team === null ? 'none' : saved.team.id === null ? 'new' : 'existing');
    setTeamId(saved.team?.id ?? null);
    setTeamName(saved.team && saved.team.id === null ? saved.team.name : '');
    setPackKind(saved.pack ? 'existing' : 'new');
    setPackNumber(saved.pack?.packNumber ?? null);
  }, [saved]);

  const send = (next: {
    teamKind: TeamKind;
    teamId: string | null;
    teamName: string;
    packKind: PackKind;
    packNumber: string | null;
  }) => {
    const team: z.input<typeof SetCartDetailsRequest>['team'] =
      next.teamKind === 'existing' && next.teamId
        ? { kind: 'existing', teamId: next.teamId }
        : next.teamKind === 'new' && next.teamName.trim()
          ? { kind: 'new', name: next.teamName }
          : { kind: 'none' };
    const pack: z.input<typeof SetCartDetailsRequest>['pack'] =
      next.packKind === 'existing' && next.packNumber
        ? { kind: 'existing', packNumber: next.packNumber }
        : { kind: 'new' };
    save.mutate({ team, pack });
  };
  const current = { teamKind, teamId, teamName, packKind, packNumber };

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('details.linesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lines.product')}</Table.Th>
              <Table.Th scope="col">{t('lines.quantity')}</Table.Th>
              <Table.Th scope="col">{t('lines.period')}</Table.Th>
              <Table.Th scope="col">{t('details.fallback')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cart.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>
                  {line.productName}
                  {line.serviceDomain ? (
                    <Text size="xs" c="dimmed">
                      {t('lines.serviceDomain', { domain: line.serviceDomain })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{format.integer(line.quantity)}</Table.Td>
                <Table.Td>{format.period(line.periodStart, line.periodEnd)}</Table.Td>
                <Table.Td>
                  {line.perpetualFallback ? t('details.fallbackYes') : t('details.fallbackNo')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <QueryState query={packsAndTeams} loadingLabel={t('details.loading')}>
        {(data) => (
          <Stack gap="md">
            <Radio.Group
              label={t('details.team')}
              description={t('details.teamHint')}
              value={teamKind}
              onChange={(value) => {
                const kind = value as TeamKind;
                setTeamKind(kind);
                const first = teamId ?? data.teams[0]?.id ?? null;
                if (kind === 'existing') setTeamId(first);
                if (kind !== 'new') send({ ...current, teamKind: kind, teamId: first });
              }}
            >
              <Stack gap={6} mt={6}>
                <Radio value="none" label={t('details.teamNone')} />
                <Radio
                  value="existing"
                  label={t('details.teamExisting')}
                  disabled={data.teams.length === 0}
                />
                {teamKind === 'existing' ? (
                  <Select
                    label={t('details.teamChoose')}
                    data={data.teams.map((team) => ({ value: team.id, label: team.name }))}
                    value={teamId}
                    onChange={(value) => {
                      setTeamId(value);
                      send({ ...current, teamId: value });
                    }}
                    allowDeselect={false}
                    w={300}
                    ml="xl"
                  />
                ) : null}
                <Radio value="new" label={t('details.teamNew')} />
                {teamKind === 'new' ? (
                  <Group gap="xs" align="flex-end" ml="xl">
                    <TextInput
                      label={t('details.teamNewName')}
                      value={teamName}
                      onChange={(event) => setTeamName(event.currentTarget.value)}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') send(current);
                      }}
                      w={300}
                    />
                    <Button variant="light" onClick={() => send(current)} disabled={!teamName.trim()}>
                      {t('details.teamNewSave')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Radio.Group>

            <Radio.Group
              label={t('details.pack')}
              description={t('details.packHint')}
              value={packKind}
              onChange={(value) => {
                const kind = value as PackKind;
                const first = packNumber ?? data.packs[0]?.packNumber ?? null;
                setPackKind(kind);
                if (kind === 'existing') setPackNumber(first);
                send({ ...current, packKind: kind, packNumber: first });
              }}
            >
              <Stack gap={6} mt={6}>
                <Radio value="new" label={t('details.packNew')} />
                <Radio
                  value="existing"
                  label={t('details.packExisting')}
                  disabled={data.packs.length === 0}
                />
                {packKind === 'existing' ? (
                  <Select
                    label={t('details.packChoose')}
                    data={data.packs.map((pack) => ({
                      value: pack.packNumber,
                      label: pack.periodEnd
                        ? t('details.packOption', {
                            pack: pack.packNumber,
                            date: format.date(pack.periodEnd),
                            count: pack.licenses,
                          })
                        : pack.packNumber,
                    }))}
                    value={packNumber}
                    onChange={(value) => {
                      setPackNumber(value);
                      send({ ...current, packNumber: value });
                    }}
                    allowDeselect={false}
                    w={360}
                    ml="xl"
                  />
                ) : null}
              </Stack>
            </Radio.Group>
            <Text
              size="sm"
              c={save.isError ? 'red' : 'dimmed'}
              aria-live="polite"
              role={save.isError ? 'alert' : undefined}
            >
              {save.isError
                ? errorText(save.error)
                : save.isPending
                  ? t('details.saving')
                  : t('details.savedSummary', {
                      team: saved.team?.name ?? t('details.teamNone'),
                      pack: saved.pack?.packNumber ?? t('details.packNew'),
                    })}
            </Text>
          </Stack>
        )}
      </QueryState>

      <Stack gap={4} component="section" aria-labelledby="details-next">
        <Title order={3} size="h5" id="details-next">
          {t('details.next')}
        </Title>
        <Group gap="sm">
          {canQuote ? (
            <Button onClick={() => void navigate('/quotes/new')} disabled={!cart.actions.getQuote}>
              {t('cart.getQuote')}
            </Button>
          ) : null}
          {canOrder ? (
            <Button
              variant="outline"
              onClick={() => void navigate('/quotes/new?next=checkout')}
              disabled={!cart.actions.getQuote}
            >
              {t('cart.checkout')}
            </Button>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('cart.checkoutNote')}
        </Text>
      </Stack>
    </Stack>
  );
}
