import {
  AppShell,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useMatch, useNavigate } from 'react-router';
import { useErrorMessage } from '../../i18n/errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { LoadingState } from '../../ui/states.tsx';
import { InvoiceStatusBadge } from '../invoices/InvoiceStatusBadge.tsx';
import {
  useAllInvoices,
  useAllPartners,
  useChangePartnerTerms,
  usePartnerUsersForStaff,
  useSettleInvoice,
  useStaffLogin,
  useStaffLogout,
  useStaffSession,
} from './api.ts';
import { CatalogAdmin } from './CatalogAdmin.tsx';
import { NewPartnerForm } from './NewPartnerForm.tsx';

/**
 * The vendor staff back office (SPEC §1): its own sign-in, every partner's invoices (record a
 * payment, issue a credit note) and the partners' discount levels and credit terms.
 */
export function BackOffice({ page }: { page: 'login' | 'invoices' | 'partners' | 'catalog' }) {
  const session = useStaffSession();
  if (session.isPending) return <LoadingState />;
  if (page === 'login') return session.data ? <Navigate to="/admin/invoices" replace /> : <StaffLogin />;
  if (!session.data) return <Navigate to="/admin/login" replace />;
  return (
    <Shell email={session.data.staff.email}>
      {page === 'invoices' ? <Invoices /> : page === 'catalog' ? <CatalogAdmin /> : <Partners />}
    </Shell>
  );
}

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const active = useMatch(to) !== null;
  return (
    <Button
      component={Link}
      to={to}
      variant={active ? 'filled' : 'subtle'}
      size="sm"
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Button>
  );
}

function Shell({ email, children }: { email: string; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useStaffLogout();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="lg">
            <Text fw={700}>{t('backOffice.product')}</Text>
            <Group component="nav" aria-label={t('backOffice.nav')} gap={4}>
              <NavLink to="/admin/invoices">{t('backOffice.invoices')}</NavLink>
              <NavLink to="/admin/partners">{t('backOffice.partners')}</NavLink>
              <NavLink to="/admin/catalog">{t('backOffice.catalog')}</NavLink>
            </Group>
          </Group>
          <Group gap="md">
            <Text size="sm">{email}</Text>
            <Button
              size="xs"
              variant="outline"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/admin/login') })}
            >
              {t('topBar.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function StaffLogin() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const login = useStaffLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      { onSuccess: () => void navigate('/admin/invoices', { replace: true }) },
    );
  };
  return (
    <Center mih="100dvh">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PageTitle size="h3" takeFocus={false}>
              {t('backOffice.loginTitle')}
            </PageTitle>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <TextInput
              label={t('auth.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={login.isError ? errorMessage(login.error) : undefined}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

type Settling = { invoiceNumber: string; action: 'payment' | 'credit' };

function Invoices() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<string>('not_paid');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const invoices = useAllInvoices({
    status: (status || undefined) as never,
    q: q || undefined,
    pageSize: 50,
  });
  const settle = useSettleInvoice();
  const [settling, setSettling] = useState<Settling | null>(null);
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    setSettling(null);
    setReason('');
  };
  const failed = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  return (
    <Stack gap="lg">
      <PageTitle>{t('backOffice.invoices')}</PageTitle>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setQ(search.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('backOffice.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
          />
          <NativeSelect
            label={t('invoicesList.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('invoicesList.anyStatus') },
              { value: 'not_paid', label: t('invoice.status.not_paid') },
              { value: 'overdue', label: t('invoicesList.overdue') },
              { value: 'paid', label: t('invoice.status.paid') },
              { value: 'applied', label: t('invoice.status.applied') },
            ]}
            w={180}
          />
          <Button type="submit">{t('filters.submit')}</Button>
        </Group>
      </form>
      <QueryState query={invoices} loadingLabel={t('invoicesList.loading')}>
        {(data) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invoicesList.columns.invoiceNumber')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.partner')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.customer')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.issued')}</Table.Th>
                <Table.Th scope="col">{t('invoicesList.columns.status')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('backOffice.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('backOffice.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.invoiceNumber}>
                  <Table.Td fw={600}>{i.invoiceNumber}</Table.Td>
                  <Table.Td>{i.partnerName}</Table.Td>
                  <Table.Td>{i.customerName}</Table.Td>
                  <Table.Td>{format.date(i.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <InvoiceStatusBadge status={i.status} />
                      {i.overdue ? (
                        <Badge color="red.9" variant="filled">
                          {t('invoicesList.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {format.money(i.amountMinor, i.currency)}
                  </Table.Td>
                  <Table.Td>
                    {i.actions.recordPayment || i.actions.creditNote ? (
                      <Group gap="xs" wrap="nowrap">
                        {i.actions.recordPayment ? (
                          <Button
                            size="compact-sm"
                            onClick={() => setSettling({ invoiceNumber: i.invoiceNumber, action: 'payment' })}
                            aria-label={t('backOffice.recordPaymentOf', { number: i.invoiceNumber })}
                          >
                            {t('backOffice.recordPayment')}
                          </Button>
                        ) : null}
                        {i.actions.creditNote ? (
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setSettling({ invoiceNumber: i.invoiceNumber, action: 'credit' })}
                            aria-label={t('backOffice.creditNoteOf', { number: i.invoiceNumber })}
                          >
                            {t('backOffice.creditNote')}
                          </Button>
                        ) : null}
                      </Group>
                    ) : (
                      (i.creditNoteNumber ?? (i.paidOn ? format.date(i.paidOn) : ''))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal
        opened={settling !== null}
        onClose={() => setSettling(null)}
        title={
          settling?.action === 'payment'
            ? t('backOffice.recordPaymentOf', { number: settling.invoiceNumber })
            : t('backOffice.creditNoteOf', { number: settling?.invoiceNumber ?? '' })
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {settling?.action === 'payment' ? (
          <Stack gap="md">
            <TextInput
              label={t('backOffice.paidOn')}
              type="date"
              value={paidOn}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
            />
            <Button
              loading={settle.recordPayment.isPending}
              onClick={() =>
                settle.recordPayment.mutate(
                  { invoiceNumber: settling.invoiceNumber, paidOn },
                  {
                    onSuccess: (i) => done(t('backOffice.paid', { number: i.invoiceNumber })),
                    onError: failed,
                  },
                )
              }
            >
              {t('backOffice.recordPayment')}
            </Button>
          </Stack>
        ) : settling ? (
          <Stack gap="md">
            <TextInput
              label={t('backOffice.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              loading={settle.creditNote.isPending}
              onClick={() =>
                settle.creditNote.mutate(
                  { invoiceNumber: settling.invoiceNumber, reason },
                  {
                    onSuccess: (i) =>
                      done(t('backOffice.credited', { number: i.invoiceNumber, note: i.creditNoteNumber })),
                    onError: failed,
                  },
                )
              }
            >
              {t('backOffice.creditNote')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function Partners() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const partners = useAllPartners();
  const change = useChangePartnerTerms();
  const [showing, setShowing] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle>{t('backOffice.partners')}</PageTitle>
      <QueryState query={partners} loadingLabel={t('states.loading')}>
        {(data) => (
          <Table striped withTableBorder maw={1000}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('backOffice.partner')}</Table.Th>
                <Table.Th scope="col">{t('customersList.columns.country')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.currency')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.users')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.discount')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.creditTerms')}</Table.Th>
                <Table.Th scope="col">{t('backOffice.users')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.country}</Table.Td>
                  <Table.Td>{p.currency}</Table.Td>
                  <Table.Td>{p.users}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('backOffice.discountOf', { name: p.name })}
                      defaultValue={p.discountPercent}
                      min={0}
                      max={60}
                      decimalScale={2}
                      suffix=" %"
                      w={110}
                      onBlur={(e) => {
                        const value = Number(e.currentTarget.value.replace(/[^0-9.]/g, ''));
                        if (value !== p.discountPercent)
                          change.mutate(
                            { id: p.id, discountPercent: value },
                            {
                              onError: (error) =>
                                notifications.show({ color: 'red', message: errorMessage(error) }),
                            },
                          );
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('backOffice.creditTermsOf', { name: p.name })}
                      checked={p.creditTerms}
                      onChange={(e) =>
                        change.mutate(
                          { id: p.id, creditTerms: e.currentTarget.checked },
                          {
                            onError: (error) =>
                              notifications.show({ color: 'red', message: errorMessage(error) }),
                          },
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('backOffice.usersOf', { name: p.name })}
                      onClick={() => setShowing(showing === p.id ? null : p.id)}
                    >
                      {t('backOffice.showUsers')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Text size="sm" c="dimmed">
        {t('backOffice.partnersNote')}
      </Text>
      {showing ? <PartnerUsers id={showing} /> : null}
      <NewPartnerForm />
    </Stack>
  );
}

function PartnerUsers({ id }: { id: string }) {
  const { t } = useTranslation();
  const users = usePartnerUsersForStaff(id);
  return (
    <QueryState query={users} loadingLabel={t('users.loading')}>
      {(data) => (
        <Table withTableBorder maw={800} aria-label={t('backOffice.users')}>
          <Table.Tbody>
            {data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                <Table.Td>{t(`users.status.${u.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}
