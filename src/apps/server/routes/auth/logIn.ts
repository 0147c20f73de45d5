import { login, SESSION_COOKIE } from '../../../../contracts/auth';
import { logIn } from '../../../../usecases/auth/logIn';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract: login,
  permission: 'public',
  handler: async ({ body, deps, reply, clientAddress }) => {
    const result = await logIn({ input: { ...body, clientAddress } }, deps);
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicUrl.startsWith('https:'),
      path: '/',
      expires: result.expiresAt,
    });
    return result.session;
  },
});
