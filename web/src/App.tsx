import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from './api/client';
import { LoginPage } from './auth/LoginPage';
import { SessionContext, useSessionQuery } from './auth/session';
import { appRoutes, HOME_PATH } from './routes';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { ConfirmRecipientPage } from './pages/ConfirmRecipientPage';
import { CONFIRM_RECIPIENT_PAGE_PATH } from '../../src/contracts/notifications';

export function App() {
  const sessionQuery = useSessionQuery();
  const location = useLocation();

  if (sessionQuery.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (sessionQuery.isError) {
    return (
      <Center h="100vh">
        <Stack align="center" gap="sm">
          <Title order={2}>openabm is not answering</Title>
          <Text c="dimmed">{errorMessage(sessionQuery.error)}</Text>
          <Button onClick={() => void sessionQuery.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }

  const session = sessionQuery.data;
  if (session === null) {
    const next = location.pathname === '/login' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path={CONFIRM_RECIPIENT_PAGE_PATH} element={<ConfirmRecipientPage />} />
        <Route path="*" element={<Navigate to={`/login${next}`} replace />} />
      </Routes>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <Routes>
        <Route path="/login" element={<Navigate to={safeNext(location.search)} replace />} />
        <Route path="/" element={<Navigate to={HOME_PATH} replace />} />
        <Route path={CONFIRM_RECIPIENT_PAGE_PATH} element={<ConfirmRecipientPage />} />
        <Route element={<AppLayout />}>
          {appRoutes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionContext.Provider>
  );
}

/** Only same-site paths are followed after log-in, never another origin. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : HOME_PATH;
}
