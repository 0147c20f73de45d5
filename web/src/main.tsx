import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from './api/client';
import { App } from './App';
import { forgetSession } from './auth/session';
import { cssVariablesResolver, theme } from './theme';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expired while the page was open: go back to the log-in page instead of showing errors.
    onError: (error, query) => {
      if (query.queryKey[0] !== 'session' && isApiError(error, 'unauthenticated')) forgetSession(queryClient);
    },
  }),
  defaultOptions: {
    queries: { retry: (failureCount, error) => !isApiError(error) && failureCount < 2, refetchOnWindowFocus: false },
  },
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {/* "auto" follows the system setting until the user picks light or dark in the user menu (kept in localStorage). */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
