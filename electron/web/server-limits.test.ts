/**
 * Browser mode's server against clients that send too much or too slowly, over real
 * sockets. The limits are made small so the cut-offs come quickly; no assertion is
 * about time, only about what the client receives and that its connection is closed.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLimits } from './server';
import { rawCall, startTestWebServer, type TestWebServer } from '../../test/helpers/web-server';

const SMALL: Partial<RequestLimits> = {
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 600,
  bodyTimeoutMs: 600,
  requestTimeoutMs: 5_000,
  checkIntervalMs: 100,
};

/** A raw connection that records what the server sends and whether it has been closed. */
function rawSocket(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (d: string) => (received += d));
  // Writing after the server hung up is expected here.
  socket.on('error', () => {});
  // Not events.once: it would reject on the EPIPE or reset these tests provoke.
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  return {
    socket,
    closed,
    received: () => received,
    /** The JSON body of the answer, once the connection is closed. */
    json: () => JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4)) as unknown,
  };
}

/** Keeps sending `piece` until the connection closes, as a slow client would. */
function drip(conn: ReturnType<typeof rawSocket>, piece: (n: number) => string): void {
  let n = 0;
  const timer = setInterval(() => {
    if (conn.socket.destroyed || !conn.socket.writable) clearInterval(timer);
    else conn.socket.write(piece(n++));
  }, 50);
  void conn.closed.then(() => clearInterval(timer));
}

function apiHead(port: number, token: string, extra: string): string {
  return (
    `POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
    `X-CaptionDesk-Token: ${token}\r\nContent-Type: application/json\r\n${extra}\r\n`
  );
}

describe('browser-mode server limits', () => {
  let app: TestWebServer | undefined;
  let port: number;
  let token: string;

  beforeAll(async () => {
    app = await startTestWebServer([], { limits: SMALL });
    ({ port, token } = app.server);
  });
  afterAll(() => app?.close());

  const stillServes = async () => {
    const ok = await rawCall(port, '/api/appInfo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CaptionDesk-Token': token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  };

  it('accepts a body under the limit', async () => {
    const padded = '{}' + ' '.repeat(60 * 1024);
    const res = await rawCall(port, '/api/appInfo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CaptionDesk-Token': token },
      body: padded,
    });
    expect(res.status).toBe(200);
  });

  it('refuses a declared oversized body with 413 before reading any of it', async () => {
    const conn = rawSocket(port);
    // 50 MB announced, not one byte of it sent: the answer cannot depend on reading it.
    conn.socket.write(apiHead(port, token, `Content-Length: ${50 * 1024 * 1024}\r\n`));
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(conn.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-args',
        message: 'Request body too large: the limit is 0.06 MB (65536 bytes)',
      },
    });
    await stillServes();
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    const conn = rawSocket(port);
    conn.socket.write(apiHead(port, token, 'Transfer-Encoding: chunked\r\n'));
    const planned = 256 * 1024 * 1024;
    const chunk = 'x'.repeat(16 * 1024);
    const frame = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    let sent = 0;
    // Send until the server answers or hangs up, respecting backpressure.
    while (sent < planned && conn.received() === '' && !conn.socket.destroyed) {
      if (!conn.socket.write(frame)) {
        await new Promise((go) => {
          conn.socket.once('drain', go);
          conn.socket.once('close', go);
        });
      }
      sent += chunk.length;
    }
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.stringify(conn.json())).toContain('Request body too large');
    expect(sent).toBeLessThan(planned);
    await stillServes();
  });

  it('does not let a refused call hold up the next call of the same tab', async () => {
    const tagged = (call: number) => ({
      'Content-Type': 'application/json',
      'X-CaptionDesk-Token': token,
      'X-CaptionDesk-Client': 'tab-limits',
      'X-CaptionDesk-Call': String(call),
    });
    const big = await rawCall(port, '/api/appInfo', {
      method: 'POST',
      headers: tagged(0),
      body: '{}' + ' '.repeat(128 * 1024),
    }).catch(() => null);
    // The server may hang up before the client has written it all; either way the next call runs.
    if (big) expect(big.status).toBe(413);
    const next = await rawCall(port, '/api/appInfo', {
      method: 'POST',
      headers: tagged(1),
      body: '{}',
    });
    expect(next.status).toBe(200);
  });

  it('cuts off a client that sends its headers slowly (slowloris)', async () => {
    const conn = rawSocket(port);
    conn.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    drip(conn, (n) => `X-Slow-${n}: a\r\n`);
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408 /);
    await stillServes();
  });

  it('cuts off an API body that never ends, with a JSON 408', async () => {
    const conn = rawSocket(port);
    conn.socket.write(apiHead(port, token, 'Transfer-Encoding: chunked\r\n'));
    drip(conn, () => '1\r\n \r\n');
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(conn.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-args',
        message: 'Request body not received within 0.6 s: the connection is closed',
      },
    });
    await stillServes();
  });
});

describe('browser-mode server, Node’s own request deadline', () => {
  let app: TestWebServer | undefined;
  beforeAll(async () => {
    // Our body deadline out of the way: what is left is Node's requestTimeout.
    app = await startTestWebServer([], {
      limits: { ...SMALL, bodyTimeoutMs: 60_000, requestTimeoutMs: 800 },
    });
  });
  afterAll(() => app?.close());

  it('cuts off a body that never ends even where the server does not read it', async () => {
    const { port, token } = app!.server;
    const conn = rawSocket(port);
    conn.socket.write(apiHead(port, token, 'Transfer-Encoding: chunked\r\n'));
    drip(conn, () => '1\r\n \r\n');
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('bounds receiving a request, not the answer: the event stream outlives the deadline', async () => {
    const { port, token } = app!.server;
    const stream = rawSocket(port);
    stream.socket.write(
      `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-CaptionDesk-Token: ${token}\r\n\r\n`,
    );
    // A slow body opened after the stream is cut off once the deadline has passed…
    const slow = rawSocket(port);
    slow.socket.write(apiHead(port, token, 'Transfer-Encoding: chunked\r\n'));
    drip(slow, () => '1\r\n \r\n');
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    // …while the older event stream is still open and answering.
    expect(stream.received()).toMatch(/^HTTP\/1\.1 200 [\s\S]*: connected/);
    expect(stream.socket.destroyed).toBe(false);
    stream.socket.destroy();
    await stream.closed;
  });
});
