import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { addressBucket, type ClientAddressResolver } from '@simpul/config';

/** At most one warning per this many milliseconds, however many connections are refused. */
const WARN_EVERY_MS = 10_000;

/**
 * Caps the connections one client address holds open at once (MAX_CONNECTIONS_PER_ADDRESS; 0 =
 * no cap): HTTP keep-alive connections and graphql-ws WebSockets alike, since a WebSocket is the
 * connection its upgrade request came on. The connection over the cap is closed as it is accepted,
 * before a byte is read; the count drops when a connection closes, however it ends.
 *
 * Counted per socket peer (an IPv6 peer by its /64): at accept time no header has arrived. A peer
 * that is a trusted proxy (TRUST_PROXY) carries many clients and is not capped; the proxy has to
 * cap its clients' connections itself.
 */
export function limitConnectionsPerAddress(
  server: Server,
  maxPerAddress: number,
  addresses: ClientAddressResolver,
): void {
  if (maxPerAddress <= 0) return;
  const logger = new Logger('Connections');
  const open = new Map<string, number>();
  let refusedSinceWarning = 0;
  let lastWarningAt = Number.NEGATIVE_INFINITY;

  const refused = (address: string) => {
    refusedSinceWarning++;
    const now = Date.now();
    if (now - lastWarningAt < WARN_EVERY_MS) return;
    logger.warn(
      { clientAddress: address, refused: refusedSinceWarning },
      `Refused connections over MAX_CONNECTIONS_PER_ADDRESS (${maxPerAddress})`,
    );
    lastWarningAt = now;
    refusedSinceWarning = 0;
  };

  server.on('connection', (socket: Socket) => {
    const peer = socket.remoteAddress;
    // Gone already (reset before Node got to it), or a proxy that speaks for many clients.
    if (!peer || addresses.isTrustedProxy(peer)) return;
    const key = addressBucket(peer);
    const count = open.get(key) ?? 0;
    if (count >= maxPerAddress) {
      socket.destroy();
      refused(key);
      return;
    }
    open.set(key, count + 1);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
