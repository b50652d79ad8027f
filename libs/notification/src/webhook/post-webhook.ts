import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isForbiddenAddress } from './webhook-target';

export interface WebhookResponse {
  status: number;
}

/**
 * A DNS lookup that refuses forbidden addresses (webhook-target.ts) at connection time, so a name
 * that resolves to loopback or a metadata service is never connected to, whatever it resolved to
 * when ADMIN saved it.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = allowPrivate
        ? addresses
        : addresses.filter(({ address }) => !isForbiddenAddress(address));
      if (allowed.length === 0) {
        const refused = Object.assign(
          new Error(`webhook host resolves only to forbidden addresses`),
          { code: 'EWEBHOOKTARGET' },
        );
        return callback(refused, '', 0);
      }
      if (options.all)
        return (callback as never as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/**
 * POSTs a signed body; resolves with the status, rejects on a network error or timeout. The
 * response body is read and dropped (never logged: a receiver may echo anything). No redirects
 * are followed: a 3xx is a failed attempt, not a way around the target check.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Simpul-Webhook/1',
        },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
