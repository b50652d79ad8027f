import { createServer, type Server, type Socket } from 'node:net';
import type { AppConfig } from '@simpul/config';
import { MailTransport } from './mail-transport';

const ADDRESS = 'pwni.meja@kemlu.example';

/**
 * An SMTP server that refuses the recipient and, as Postfix does, names it in its answer. The
 * error of a failed send becomes a worker log line, a BullMQ failure and the outbox row's last
 * error: it must not carry the officer's address.
 */
function refusingServer(): Server {
  return createServer((socket: Socket) => {
    socket.on('error', () => undefined);
    socket.write('220 mail.example ESMTP\r\n');
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const verb = line.split(/[ :]/, 1)[0].toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 mail.example\r\n');
        else if (verb === 'MAIL') socket.write('250 2.1.0 Ok\r\n');
        else if (verb === 'RCPT') {
          socket.write(`550 5.1.1 <${ADDRESS}>: Recipient address rejected: User unknown\r\n`);
        } else if (verb === 'QUIT') socket.end('221 2.0.0 Bye\r\n');
        else socket.write('250 Ok\r\n');
      }
    });
  });
}

describe('MailTransport over SMTP', () => {
  let server: Server;
  let transport: MailTransport;

  beforeAll(async () => {
    server = refusingServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    transport = new MailTransport({
      notifications: {
        mail: { kind: 'smtp', url: `smtp://127.0.0.1:${port}?ignoreTLS=true` },
        mailFrom: 'Simpul <no-reply@simpul.invalid>',
      },
    } as AppConfig);
  });

  afterAll(async () => {
    transport.onApplicationShutdown();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails a refused recipient without the address in the error', async () => {
    const failure = await transport
      .send({ id: 'n-1', to: ADDRESS, subject: '[Simpul] x', text: 'x' })
      .then(
        () => null,
        (error: unknown) => error as Error & Record<string, unknown>,
      );
    expect(failure).toBeInstanceOf(Error);
    expect(failure?.message).toContain('n-1');
    expect(failure?.message).toContain('550');
    // Nothing of it, in any property a logger or BullMQ might write out.
    expect(
      JSON.stringify({ ...failure, message: failure?.message, stack: failure?.stack }),
    ).not.toContain('pwni.meja');
  });
});
