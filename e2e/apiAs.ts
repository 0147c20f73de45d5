import type { Page } from 'playwright-core';

/** Set-up a browser test needs of its own, through the API as the page's logged-in user (session cookie + CSRF token). */
export async function callApiAs<T>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async (request) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(request.url, {
        method: request.method,
        headers: { 'x-csrf-token': session.csrfToken, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      if (!response.ok) throw new Error(`${request.method} ${request.url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, url, body },
  );
}
