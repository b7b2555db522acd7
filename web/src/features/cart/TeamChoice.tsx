import { Button, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamKind, TeamsAndPacks } from './cartDetailsChoice.ts';
import type { CartDetailsChoice } from './useCartDetailsChoice.ts';

/** The team of the account that receives the new licenses: none, an existing team, or a new one. */
export function TeamChoice({
  teams,
  details: { choice, change },
}: {
  teams: TeamsAndPacks['teams'];
  details: CartDetailsChoice;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('details.team')}
      description={t('details.teamHint')}
      value={choice.teamKind}
      onChange={(value) => {
        const kind = value as TeamKind;
        const first = choice.teamId ?? teams[0]?.id ?? null;
        // A new team is saved once it has a name.
        change(kind === 'existing' ? { teamKind: kind, teamId: first } : { teamKind: kind }, kind !== 'new');
      }}
    >
      <Stack gap={6} mt={6}>
        <Radio value="none" label={t('details.teamNone')} />
        <Radio value="existing" label={t('details.teamExisting')} disabled={teams.length === 0} />
        {choice.teamKind === 'existing' ? (
          <Select
            label={t('details.teamChoose')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={choice.teamId}
            onChange={(value) => change({ teamId: value })}
            allowDeselect={false}
            w={300}
            ml="xl"
          />
        ) : null}
        <Radio value="new" label={t('details.teamNew')} />
        {choice.teamKind === 'new' ? (
          <Group gap="xs" align="flex-end" ml="xl">
            <TextInput
              label={t('details.teamNewName')}
              value={choice.teamName}
              onChange={(event) => change({ teamName: event.currentTarget.value }, false)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') change({});
              }}
              w={300}
            />
            <Button variant="light" onClick={() => change({})} disabled={!choice.teamName.trim()}>
              {t('details.teamNewSave')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Radio.Group>
  );
}
