import net from 'node:net';

/**
 * Tests never reach a provider except through an emulator: any TCP connection to a host outside the loopback range
 * (or a Unix socket for the local PostgreSQL) throws, so an unexpected outbound request fails the test.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export function isAllowedTarget(host: string | undefined): boolean {
  return host === undefined || host === '' || LOOPBACK.test(host);
}

const originalConnect = net.Socket.prototype.connect;
type ConnectArgs = Parameters<typeof originalConnect>;

net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: ConnectArgs) {
  const first = args[0] as unknown;
  let host: string | undefined;
  let isPipe = false;
  if (Array.isArray(first)) {
    const options = first[0] as { host?: string; path?: string } | undefined;
    host = options?.host;
    isPipe = Boolean(options?.path);
  } else if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    host = options.host;
    isPipe = Boolean(options.path);
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    isPipe = true;
  } else if (typeof args[1] === 'string') {
    host = args[1];
  }
  if (!isPipe && !isAllowedTarget(host)) {
    throw new Error(`Blocked outbound connection to ${host}: tests may only reach emulators on the loopback address`);
  }
  return originalConnect.apply(this, args);
} as typeof originalConnect;
