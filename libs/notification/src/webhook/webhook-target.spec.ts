import { DomainError } from '@simpul/common';
import { checkWebhookUrl, isForbiddenAddress, originOf } from './webhook-target';

const options = {
  field: 'url',
  allowPrivate: false,
  hubUrl: 'https://simpul.example.go.id',
  production: true,
};

const refusal = (raw: string, opts = options): string => {
  try {
    checkWebhookUrl(raw, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error(`accepted ${raw}`);
};

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '::1',
    '::ffff:127.0.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '::',
    'fe80::1',
    '224.0.0.1',
    'fd00:ec2::254',
    '100.100.100.200',
    'not-an-address',
  ])('refuses to connect to %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '203.0.113.10',
    '10.1.2.3',
    '192.168.1.20',
    '2001:db8::5',
    'fd00:ec2::253',
    '100.100.100.201',
  ])('connects to %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('accepts an agency system over HTTPS', () => {
    expect(checkWebhookUrl('https://siskop2mi.example.go.id/hooks/simpul', options)).toBe(
      'https://siskop2mi.example.go.id/hooks/simpul',
    );
  });

  it.each([
    ['http://siskop2mi.example.go.id/hook', 'https://'],
    ['https://localhost/hook', 'this host'],
    ['https://localhost./hook', 'this host'],
    ['https://hub.localhost./hook', 'this host'],
    ['https://simpul.example.go.id./graphql', 'Simpul itself'],
    ['https://siskop2mi.example.go.id:0/hook', 'port'],
    ['https://[fd00:ec2::254]/latest/meta-data', 'loopback, link-local'],
    ['https://100.100.100.200/latest/meta-data', 'loopback, link-local'],
    ['https://127.0.0.1:8443/hook', 'loopback'],
    ['https://[::1]/hook', 'loopback'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://user:pw@example.go.id/hook', 'credentials'],
    ['https://simpul.example.go.id/graphql', 'Simpul itself'],
    ['ftp://example.go.id/hook', 'https://'],
    ['not a url', 'absolute'],
    ['https://xn--/hook', 'valid host'],
    ['https://xn--a.example.go.id/hook', 'valid host'],
    ['https://a..b.go.id/hook', 'valid host'],
    ['https://-siskop2mi.go.id/hook', 'valid host'],
    [`https://${'a'.repeat(64)}.go.id/hook`, 'valid host'],
  ])('refuses %s', (raw, why) => {
    expect(refusal(raw)).toContain(why);
  });

  it.each([
    'https://xn--bcher-kva.example/hook', // bücher.example
    'https://intranet/hook',
    'https://siskop2mi.example.go.id./hook',
    'https://10.1.2.3:8443/hook',
    'https://[2001:db8::5]/hook',
  ])('accepts the host of %s', (raw) => {
    expect(() => checkWebhookUrl(raw, options)).not.toThrow();
  });

  it('lets development aim at loopback when WEBHOOK_ALLOW_PRIVATE_TARGETS says so', () => {
    const dev = { ...options, allowPrivate: true, production: false };
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', dev)).toBe('http://127.0.0.1:9000/hook');
    expect(refusal('http://127.0.0.1:9000/hook', { ...options, production: false })).toContain(
      'loopback',
    );
  });

  it('records only the origin', () => {
    expect(originOf('https://example.go.id:8443/hooks/abc?token=secret')).toBe(
      'https://example.go.id:8443',
    );
  });
});
