import { createHash } from 'node:crypto';
import type { CaseDossier } from './case-dossier';
import { DOSSIER_STYLE, DOSSIER_STYLE_HASH, renderCaseDossierHtml } from './case-dossier.html';

const dossier: CaseDossier = {
  type: 'simpul-case-dossier/v1',
  generatedAt: '2026-12-01T10:00:00.000Z',
  case: {
    id: '3a7c9e1b-5d2f-4a86-b4c3-1e9f8d7a6b50',
    reference: 'TPPO-2026-000042',
    status: 'OPEN',
    exploitationTypes: ['ONLINE_SCAM'],
    regionCode: '53',
    openedAt: '2026-11-30T01:00:00.000Z',
    closedAt: null,
    leadUnit: 'u-1',
  },
  units: {
    'u-1': { code: 'KBRI-PHNOMPENH', name: 'KBRI Phnom Penh' },
    'u-2': { code: 'X<script>', name: '<b>Unit & "Co"</b>' },
  },
  checkpoint: {
    treeSize: '7',
    rootHash: 'ab'.repeat(32),
    issuedAt: '2026-12-01T09:59:00.000Z',
    keyId: '0123456789abcdef',
    signature: 'c2lnbmF0dXJl',
  },
  checkpointFingerprint: 'aaaa bbbb cccc dddd',
  entries: [
    {
      seq: '3',
      at: '2026-11-30T01:00:00.000Z',
      action: 'REFERRAL_ACCEPTED',
      actor: '6f1c2a9e-4b7d-4c3e-9a51-2d8e7f0b1c34',
      fromUnit: 'u-1',
      toUnit: 'u-2',
      caseId: '3a7c9e1b-5d2f-4a86-b4c3-1e9f8d7a6b50',
      referralId: null,
      alertId: null,
      noteDigest: null,
      payload: {},
      payloadDigest: 'cd'.repeat(32),
      prevHash: 'ef'.repeat(32),
      entryHash: '12'.repeat(32),
      inclusionProof: { treeSize: '7', auditPath: [] },
    },
    {
      seq: '4',
      at: '2026-11-30T01:05:00.000Z',
      action: 'SOMETHING_NEW',
      actor: null,
      fromUnit: null,
      toUnit: null,
      caseId: null,
      referralId: null,
      alertId: null,
      noteDigest: null,
      payload: {},
      payloadDigest: 'cd'.repeat(32),
      prevHash: '12'.repeat(32),
      entryHash: '34'.repeat(32),
      inclusionProof: { treeSize: '7', auditPath: [] },
    },
  ],
};

describe('the printable Berita Acara Serah Terima', () => {
  const html = renderCaseDossierHtml(dossier);

  it('is in Bahasa Indonesia with the case, each entry and the checkpoint fingerprint', () => {
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('BERITA ACARA SERAH TERIMA');
    expect(html).toContain('TPPO-2026-000042');
    expect(html).toContain('Rujukan disanggupi (serah terima)');
    expect(html).toContain('SOMETHING_NEW');
    expect(html).toContain('sistem');
    expect(html).toContain('12'.repeat(32));
    expect(html).toContain('<p class="fingerprint">aaaa bbbb cccc dddd</p>');
    expect(html).toContain('KBRI Phnom Penh (KBRI-PHNOMPENH)');
  });

  it('escapes every value it prints', () => {
    expect(html).not.toContain('<b>Unit');
    expect(html).not.toContain('X<script>');
    expect(html).toContain('&lt;b&gt;Unit &amp; &quot;Co&quot;&lt;/b&gt; (X&lt;script&gt;)');
  });

  it('has one inline stylesheet, with a print section, that its CSP hash admits', () => {
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain(`<style>${DOSSIER_STYLE}</style>`);
    expect(DOSSIER_STYLE).toContain('@media print');
    expect(DOSSIER_STYLE_HASH).toBe(
      `sha256-${createHash('sha256').update(DOSSIER_STYLE).digest('base64')}`,
    );
    expect(html).not.toContain('<script');
  });
});
