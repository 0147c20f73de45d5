// A bare HTTP/1.1 client over one TCP connection, for tests that must control the bytes on the wire: pipelined
// requests in one write, a request split byte by byte, malformed or ambiguous requests no HTTP library would send.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  /** The status line and header lines as received, Date's value replaced by `<date>` (it changes every second). */
  readonly head: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export class RawHttpConnection {
  private received = Buffer.alloc(0);
  private readonly waiters: Array<() => void> = [];
  /** Set once the server closed its side. */
  isClosed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.isClosed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawHttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(new RawHttpConnection(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** One byte a write, each after the previous left this process and a pause, so the server reads them apart. */
  async sendByteByByte(bytes: string, pauseMs = 1): Promise<void> {
    for (const byte of Buffer.from(bytes, 'latin1')) {
      await this.send(Buffer.from([byte]));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }

  /** The next `count` answers; rejects when the connection closes first or `timeoutMs` passes. */
  async answers(count: number, timeoutMs = 10_000): Promise<RawAnswer[]> {
    const answers: RawAnswer[] = [];
    const deadline = Date.now() + timeoutMs;
    while (answers.length < count) {
      const answer = this.takeAnswer();
      if (answer) {
        answers.push(answer);
        continue;
      }
      if (this.isClosed) throw new Error(`The server closed the connection after ${answers.length} of ${count} answers (left: ${JSON.stringify(this.received.toString('latin1'))}).`);
      if (Date.now() > deadline) throw new Error(`${answers.length} of ${count} answers in ${timeoutMs} ms (left: ${JSON.stringify(this.received.toString('latin1'))}).`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return answers;
  }

  /** Resolves once the server has closed the connection (and whatever it sent last, unparsed). */
  async closed(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isClosed) {
      if (Date.now() > deadline) throw new Error(`The connection is still open after ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received.toString('latin1');
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private takeAnswer(): RawAnswer | undefined {
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd < 0) return undefined;
    const head = this.received.toString('latin1', 0, headEnd);
    const [statusLine = '', ...lines] = head.split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let bodyStart = headEnd + 4;
    let body = '';
    if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const sizeEnd = this.received.indexOf('\r\n', bodyStart);
        if (sizeEnd < 0) return undefined;
        const size = Number.parseInt(this.received.toString('latin1', bodyStart, sizeEnd), 16);
        if (this.received.length < sizeEnd + 2 + size + 2) return undefined;
        body += this.received.toString('utf8', sizeEnd + 2, sizeEnd + 2 + size);
        bodyStart = sizeEnd + 2 + size + 2;
        if (size === 0) break;
      }
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (this.received.length < bodyStart + length) return undefined;
      body = this.received.toString('utf8', bodyStart, bodyStart + length);
      bodyStart += length;
    } else if (status !== 204 && status !== 304 && headers.connection === 'close') {
      if (!this.isClosed) return undefined;
      body = this.received.toString('utf8', bodyStart);
      bodyStart = this.received.length;
    }
    this.received = this.received.subarray(bodyStart);
    return { status, head: head.replace(/\r\nDate: [^\r]*/i, '\r\nDate: <date>'), headers, body };
  }
}
