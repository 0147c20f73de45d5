import { createContext, useContext } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { getSession, login, logout } from '../../../src/contracts/auth';
import type { SessionResponse } from '../../../src/contracts/auth';
import type { Action } from '../../../src/contracts/permissions';
import { callApi, isApiError, rememberCsrfToken } from '../api/client';

export const SESSION_KEY = ['session'] as const;

/** The logged-in session, or null when logged out (the API answers 401 unauthenticated). */
export function useSessionQuery() {
  return useQuery<SessionResponse | null, Error>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        const session = await callApi(getSession);
        rememberCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          rememberCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Forget everything cached for the previous user and show the log-in page. */
export function forgetSession(queryClient: QueryClient): void {
  rememberCsrfToken(undefined);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<SessionResponse, Error, { email: string; password: string }>({
    mutationFn: (body) => callApi(login, { body }),
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, void>({
    mutationFn: () => callApi(logout),
    // Even if the server could not be reached, the UI forgets the session.
    onSettled: () => forgetSession(queryClient),
  });
}

export const SessionContext = createContext<SessionResponse | null>(null);

/** The current session; only inside the logged-in part of the app. */
export function useSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession() is used outside the logged-in app');
  return session;
}

/** Whether the logged-in user may take this action. Every edit control is gated on it. */
export function useCan(action: Action): boolean {
  return useSession().permissions.includes(action);
}
