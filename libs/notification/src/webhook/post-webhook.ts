import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress } from './webhook-target';

export interface WebhookResponse {
  status: number;
}

function refusedTarget(): Error {
  return Object.assign(new Error(`webhook host resolves only to forbidden addresses`), {
    code: 'EWEBHOOKTARGET',
  });
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
      if (allowed.length === 0) return callback(refusedTarget(), '', 0);
      if (options.all)
        return (callback as never as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/**
 * POSTs a signed body; resolves with the status, rejects on a network error or when no status
 * came within `timeoutMs` — a deadline for the whole attempt (resolving the name, connecting,
 * sending, the status line and headers), not Node's idle timeout, which a receiver sending a
 * byte now and then never trips. The answer is its status: the response body is not read (never
 * logged either: a receiver may echo anything), so an endless or huge body holds nothing. No
 * redirects are followed: a 3xx is a failed attempt, not a way around the target check.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  // Node connects to an address written in the URL without any lookup, so the lookup's check
  // never sees it: check it here (a URL saved while private targets were allowed, an address
  // added to the forbidden list since).
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(literal) !== 0 && isForbiddenAddress(literal)) {
    return Promise.reject(refusedTarget());
  }
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
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0 });
        // The body is not wanted: close the connection rather than read what may never end.
        response.on('error', () => undefined);
        response.destroy();
      },
    );
    const giveUp = () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    const deadline = setTimeout(giveUp, options.timeoutMs);
    req.on('timeout', giveUp);
    req.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(body);
  });
}
