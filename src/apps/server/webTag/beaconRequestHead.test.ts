import { describe, expect, it } from 'vitest';
import { mayBeBeaconRequest, parseBeaconHead } from './beaconRequestHead';

const head = (lines: string[], requestLine = 'POST /t/collect HTTP/1.1') => `${[requestLine, ...lines].map((line) => `${line}\r\n`).join('')}`;
const common = ['Host: openabm.example', 'Content-Type: text/plain;charset=UTF-8', 'User-Agent: Mozilla/5.0 (X11) Chrome/120.0', 'Content-Length: 120'];

describe('parseBeaconHead', () => {
  it('reads the common beacon: length, type, user agent, privacy signals and the forwarded address', () => {
    expect(parseBeaconHead(head([...common, 'DNT: 1', 'sec-gpc:1', 'X-Forwarded-For:  198.51.100.7, 10.0.0.1 ', 'Connection: Keep-Alive', 'Accept: */*']))).toEqual({
      bodyLength: 120,
      contentLength: '120',
      contentType: 'text/plain;charset=UTF-8',
      userAgent: 'Mozilla/5.0 (X11) Chrome/120.0',
      dnt: '1',
      secGpc: '1',
      forwardedFor: '198.51.100.7, 10.0.0.1',
    });
    expect(parseBeaconHead(head(common, 'POST /t/collect?k=1&x=%20 HTTP/1.1'))?.bodyLength).toBe(120);
    expect(parseBeaconHead(head(['Host: a', 'Content-Length: 8192']))?.contentType).toBeUndefined();
  });

  it.each([
    ['another path', head(common, 'POST /t/collector HTTP/1.1')],
    ['another method', head(common, 'GET /t/collect HTTP/1.1')],
    ['HTTP/1.0', head(common, 'POST /t/collect HTTP/1.0')],
    ['absolute form', head(common, 'POST http://a/t/collect HTTP/1.1')],
    ['two spaces in the request line', head(common, 'POST  /t/collect HTTP/1.1')],
    ['no Content-Length', head(common.slice(0, 3))],
    ['two Content-Length', head([...common, 'Content-Length: 120'])],
    ['a signed length', head([...common.slice(0, 3), 'Content-Length: +120'])],
    ['a list as length', head([...common.slice(0, 3), 'Content-Length: 120, 120'])],
    ['a length over 8 KB', head([...common.slice(0, 3), 'Content-Length: 8193'])],
    ['Transfer-Encoding', head([...common, 'Transfer-Encoding: chunked'])],
    ['Transfer-Encoding in capitals', head([...common, 'TRANSFER-ENCODING: identity'])],
    ['Expect', head([...common, 'Expect: 100-continue'])],
    ['Upgrade', head([...common, 'Upgrade: websocket'])],
    ['Connection: close', head([...common, 'Connection: close'])],
    ['Connection: keep-alive, Upgrade', head([...common, 'Connection: keep-alive, Upgrade'])],
    ['no Host', head(common.slice(1))],
    ['two Host', head([...common, 'Host: b'])],
    ['two content types', head([...common, 'Content-Type: application/json'])],
    ['two user agents', head([...common, 'User-Agent: x'])],
    ['two DNT', head([...common, 'DNT: 0', 'DNT: 1'])],
    ['two X-Forwarded-For', head([...common, 'X-Forwarded-For: a', 'X-Forwarded-For: b'])],
    ['a space before the colon', head([...common.slice(0, 3), 'Content-Length : 120'])],
    ['obs-fold', head([...common, 'X-Folded: a', ' b'])],
    ['a bare LF', head(common).replace('\r\nHost', '\nHost')],
    ['a bare CR', head([...common, 'X-A: 1\rX-B: 2'])],
    ['a control character', head([...common, 'X-A: a\u0001b'])],
    ['a non-ASCII byte', head([...common, 'X-A: caf\u00e9'])],
    ['a header without a colon', head([...common, 'Broken'])],
  ])('hands off %s', (_name, text) => {
    expect(parseBeaconHead(text)).toBeUndefined();
  });
});

describe('mayBeBeaconRequest', () => {
  it('is false from the first byte that cannot start a beacon', () => {
    const bytes = (text: string) => Buffer.from(text, 'latin1');
    expect(mayBeBeaconRequest(bytes('POS'), 0)).toBe(true);
    expect(mayBeBeaconRequest(bytes('xxPOST /t/collect '), 2)).toBe(true);
    expect(mayBeBeaconRequest(bytes('POST /t/collect?k'), 0)).toBe(true);
    expect(mayBeBeaconRequest(bytes('G'), 0)).toBe(false);
    expect(mayBeBeaconRequest(bytes('POST /api'), 0)).toBe(false);
    expect(mayBeBeaconRequest(bytes('POST /t/collectx'), 0)).toBe(false);
    expect(mayBeBeaconRequest(bytes('\r\nPOST /t/collect '), 0)).toBe(false);
  });
});
