import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { networkFailureReason } from './networkFailure';

describe('networkFailureReason', () => {
  it('says a refused connection in words, not fetch\'s "TypeError"', async () => {
    // A port that was just free: nothing listens on it.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await fetch(`http://127.0.0.1:${address.port}/`).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(networkFailureReason(error)).toBe('the connection was refused');
  });

  it('says a timeout as no answer in time', () => {
    expect(networkFailureReason(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('no answer in time');
  });

  it('falls back to "network error" for an unknown failure', () => {
    expect(networkFailureReason(new TypeError('fetch failed', { cause: { code: 'E_SOMETHING_NEW' } }))).toBe('network error');
    expect(networkFailureReason('not an error')).toBe('network error');
  });
});
