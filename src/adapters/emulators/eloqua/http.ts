import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorServer } from '../kit/emulatorServer';
import { bearerOf } from '../mapKit/tokens';
import { eloquaDemoCredentials } from './demoOrg';
import type { EloquaInstanceState } from './state';

/** §1: Basic `Site\User:Password`; true when it names the demo user with the right password. */
export function isValidBasic(header: string | undefined): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const { siteName, userName, password } = eloquaDemoCredentials;
  return decoded === `${siteName}\\${userName}:${password}`;
}

/** 'ok', or the 401 reason: unknown credentials, expired token, expired password. */
export function authenticate(state: EloquaInstanceState, header: string | undefined): 'ok' | 'unknown' | 'expired_token' | 'expired_password' {
  if (header?.startsWith('Basic ')) {
    if (!isValidBasic(header)) return 'unknown';
    if (state.passwordExpiresAt && state.passwordExpiresAt.getTime() <= state.clock.now().getTime()) return 'expired_password';
    return 'ok';
  }
  const verdict = state.tokens.check(bearerOf(header));
  return verdict === 'valid' ? 'ok' : verdict === 'expired' ? 'expired_token' : 'unknown';
}

/** Auth and the configurable daily cap (429) for the REST API and /id. Bodies of 401/429 are not published (§3). */
export function guardEloqua(server: EmulatorServer, state: EloquaInstanceState): void {
  server.app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.toLowerCase();
    if (!path.startsWith('/api/') && !path.startsWith('/id')) return;
    const verdict = authenticate(state, request.headers.authorization);
    if (verdict !== 'ok') return reply.code(401).type('text/plain').send(verdict === 'expired_password' ? 'Password expired' : 'Not authenticated.');
    if (state.quota.check().kind === 'daily') return reply.code(429).type('text/plain').send('Too Many Requests');
    state.quota.count();
  });
}
