/**
 * How much CPU a request Node's `http` module itself costs, against a raw `net` server that parses a keep-alive
 * HTTP/1.1 POST with Content-Length minimally and answers a fixed 204 (one write per batch of answers a read held).
 * Neither stores anything: this is the floor under any beacon endpoint built on each. Both run in this process, loaded
 * by wrk from its own process on 127.0.0.1 (open loop at RATE, as collect.ts), alternating, ROUNDS rounds; CPU is this
 * process's own (process.cpuUsage) per answered request, so it does not depend on how busy the shared machine is.
 *
 *   RATE=20000 DURATION=10 ROUNDS=3 npx tsx bench/webtag/rawFloor.ts
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import os from 'node:os';
import { runLoad } from './webTagBenchKit';

const durationSeconds = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 100);
const rounds = Number(process.env.ROUNDS ?? 3);
const ratePerSecond = process.env.RATE ? Number(process.env.RATE) : undefined;
const body = JSON.stringify({ k: 'k'.repeat(24), v: 'visitor-bench-0001', u: 'https://www.example.com/pricing?utm=bench', r: 'https://www.google.com/', t: Date.now() });

interface Floor {
  readonly server: HttpServer | NetServer;
  readonly answered: () => number;
}

function httpFloor(): Floor {
  let answered = 0;
  const server = createHttpServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(204);
      response.end();
      answered += 1;
    });
  });
  return { server, answered: () => answered };
}

const NO_CONTENT = Buffer.from('HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n', 'latin1');
const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/** The minimal parse: find the end of the head, read Content-Length from it, skip the body; answer each request. */
function netFloor(): Floor {
  let answered = 0;
  const server = createNetServer({ noDelay: true }, (socket: Socket) => {
    let pending: Buffer | undefined;
    socket.on('data', (chunk: Buffer) => {
      const data = pending ? Buffer.concat([pending, chunk]) : chunk;
      let offset = 0;
      let answers = 0;
      for (;;) {
        const headEnd = data.indexOf(HEAD_END, offset);
        if (headEnd < 0) break;
        const head = data.toString('latin1', offset, headEnd);
        const at = head.search(/\r\ncontent-length:/i);
        const length = at < 0 ? 0 : Number.parseInt(head.slice(at + 17, head.indexOf('\r\n', at + 2) >>> 0), 10);
        const end = headEnd + 4 + length;
        if (end > data.length) break;
        offset = end;
        answers += 1;
      }
      pending = offset < data.length ? data.subarray(offset) : undefined;
      if (answers === 0) return;
      answered += answers;
      socket.write(answers === 1 ? NO_CONTENT : Buffer.concat(Array.from({ length: answers }, () => NO_CONTENT)));
    });
    socket.on('error', () => socket.destroy());
  });
  return { server, answered: () => answered };
}

async function measure(name: string, floor: Floor) {
  await new Promise<void>((resolve) => floor.server.listen(0, '127.0.0.1', resolve));
  const address = floor.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const loadBefore = os.loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const result = await runLoad(`http://127.0.0.1:${port}/t/collect`, body, { connections, durationSeconds, ratePerSecond });
  const cpu = process.cpuUsage(cpuBefore);
  const answered = floor.answered();
  if ('closeAllConnections' in floor.server) floor.server.closeAllConnections();
  await new Promise<void>((resolve) => floor.server.close(() => resolve()));
  return {
    name,
    requestsPerSecond: result.requestsPerSecond,
    p50: result.latencyMs.p50,
    p99: result.latencyMs.p99,
    errors: result.errors,
    answered,
    cpuMicrosecondsPerRequest: Number(((cpu.user + cpu.system) / answered).toFixed(1)),
    userMicroseconds: Number((cpu.user / answered).toFixed(1)),
    systemMicroseconds: Number((cpu.system / answered).toFixed(1)),
    load: `${loadBefore?.toFixed(2)} → ${os.loadavg()[0]?.toFixed(2)}`,
  };
}

const runs = [];
for (let round = 0; round < rounds; round += 1) {
  // Alternate which goes first, so a machine slowing down within a round does not favour one.
  const pair = round % 2 === 0 ? (['node http', 'raw net'] as const) : (['raw net', 'node http'] as const);
  for (const name of pair) runs.push(await measure(name, name === 'node http' ? httpFloor() : netFloor()));
}
for (const run of runs) {
  process.stdout.write(
    `${run.name.padEnd(10)} ${String(run.requestsPerSecond).padStart(6)}/s  p50 ${run.p50} ms  p99 ${run.p99} ms  ${run.cpuMicrosecondsPerRequest} µs CPU/request (user ${run.userMicroseconds}, system ${run.systemMicroseconds})  answered ${run.answered}  errors ${run.errors}  load ${run.load}\n`,
  );
}
