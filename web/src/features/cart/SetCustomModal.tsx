import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../../contract/index.ts';
import { useFormat } from '../../i18n/format.ts';
import { errorText } from '../../i18n/messages.tsx';
import { useCalendarLabels } from '../../ui/calendarLabels.ts';
import { useChangeCartLine, usePacksAndTeams } from './api.ts';

/**
 * Set Custom (SPEC §6): a calendar for the line's end date, any day after its start, even less
 * than a year away; the end dates of the account's packs are one click away (co-terming).
 */
export function SetCustomModal({
  line,
  customerId,
  onClose,
}: {
  line: CartLine | null;
  customerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const calendarLabels = useCalendarLabels();
  const format = useFormat();
  const change = useChangeCartLine(customerId);
  const packs = usePacksAndTeams(customerId);
  const [end, setEnd] = useState<string | null>(null);
  useEffect(() => {
    setEnd(
      line && line.termYears === null && line.periodEnd !== line.defaultPeriodEnd ? line.periodEnd : null,
    );
    change.reset();
  }, [line, change.reset]);

  if (!line) return null;
  const { min, max } = line.endRange;
  const packEnds = (packs.data?.packs ?? []).filter(
    (pack): pack is typeof pack & { periodEnd: string } =>
      pack.periodEnd !== null && pack.periodEnd >= min && pack.periodEnd <= max,
  );

  const apply = () => {
    if (!end) return;
    change.mutate(
      { lineId: line.id, body: { quantity: line.quantity, periodEnd: end } },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('coterm.title', { product: line.productName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // Side by side, the explanation and pack dates beside the calendar: the dialog stays within a
      // 768 px high screen (stacked it ran taller), and scrolls inside itself on a smaller one.
      size={760}
      yOffset="2dvh"
    >
      <Stack gap="md">
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
            <Text size="sm">
              {line.defaultPeriodEnd === null
                ? t('coterm.intro', { start: format.date(line.periodStart) })
                : t('coterm.introUpgrade', {
                    start: format.date(line.periodStart),
                    end: format.date(line.defaultPeriodEnd),
                  })}
            </Text>
            {packEnds.length > 0 ? (
              <Stack gap={6} component="section" aria-labelledby="coterm-packs">
                <Text size="sm" fw={600} id="coterm-packs">
                  {t('coterm.packsHeading')}
                </Text>
                <Group gap="xs">
                  {packEnds.map((pack) => (
                    <Button
                      key={pack.packNumber}
                      size="xs"
                      variant={end === pack.periodEnd ? 'filled' : 'light'}
                      onClick={() => setEnd(pack.periodEnd)}
                    >
                      {t('coterm.packEnd', { pack: pack.packNumber, date: format.date(pack.periodEnd) })}
                    </Button>
                  ))}
                </Group>
              </Stack>
            ) : null}
            <Text size="sm" aria-live="polite">
              {end ? t('coterm.chosen', { date: format.date(end) }) : t('coterm.none')}
            </Text>
          </Stack>
          <DatePicker
            value={end}
            onChange={setEnd}
            minDate={min}
            maxDate={max}
            defaultDate={end ?? min}
            ariaLabels={calendarLabels}
            // Days of the next and previous months were grey below 4.5:1 (axe) once a chosen end
            // opened the calendar on a later month; each month shows its own days only.
            hideOutsideDates
          />
        </Group>
        {change.isError ? (
          <Text size="sm" c="red" role="alert">
            {errorText(change.error)}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={apply} disabled={!end} loading={change.isPending}>
            {t('coterm.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
