import { createHash } from 'node:crypto';
import type { CaseDossier } from './case-dossier';

/** Words of docs/glossary.md for the actions a case's timeline holds; others show their code. */
const ACTION_ID: Record<string, string> = {
  CASE_OPENED: 'Kasus dibuka',
  CASE_CLOSED: 'Kasus ditutup',
  PERSON_ADDED: 'Orang ditambahkan',
  PERSON_UPDATED: 'Data orang diperbarui',
  POLICE_NOTES_UPDATED: 'Catatan kepolisian diperbarui',
  REFERRAL_SENT: 'Rujukan dikirim',
  REFERRAL_DELIVERED: 'Rujukan sampai di kotak masuk',
  REFERRAL_RECEIVED: 'Tanda terima rujukan',
  REFERRAL_ACCEPTED: 'Rujukan disanggupi (serah terima)',
  REFERRAL_REJECTED: 'Rujukan ditolak',
  REFERRAL_REDIRECTED: 'Rujukan dialihkan',
  REFERRAL_STARTED: 'Rujukan mulai ditangani',
  REFERRAL_HELD: 'Rujukan ditunda',
  REFERRAL_RESUMED: 'Penanganan dilanjutkan',
  REFERRAL_COMPLETED: 'Rujukan selesai',
  REFERRAL_FAILED: 'Rujukan gagal',
  REFERRAL_CANCELLED: 'Rujukan dibatalkan',
  REFERRAL_ESCALATED: 'Eskalasi',
};

/** The print stylesheet; the response's CSP admits exactly this text by its hash. */
export const DOSSIER_STYLE = `
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#111;margin:2rem}
h1{font-size:16pt;text-align:center;margin:0 0 .25rem}
.sub{text-align:center;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #555;padding:.3rem .4rem;vertical-align:top;text-align:left}
th{background:#eee}
code,.hash{font-family:"DejaVu Sans Mono",monospace;font-size:8.5pt;word-break:break-all}
.fingerprint{font-family:"DejaVu Sans Mono",monospace;font-size:13pt;border:2px solid #111;padding:.6rem;text-align:center;letter-spacing:.05em}
.sign{display:flex;justify-content:space-between;margin-top:3rem}
.sign div{width:40%;text-align:center}
.sign .line{margin-top:4rem;border-top:1px solid #111}
@page{size:A4;margin:15mm}
@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

export const DOSSIER_STYLE_HASH = `sha256-${createHash('sha256').update(DOSSIER_STYLE).digest('base64')}`;

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * The printable Berita Acara Serah Terima of a case dossier, in Bahasa Indonesia: the case by
 * reference, every entry of its ledger with units by code and name, the checkpoint it is proven
 * against and that checkpoint's fingerprint, to compare with the JSON dossier and with the
 * offline verifier's output. Built only from the dossier, so it holds no more than the dossier.
 */
export function renderCaseDossierHtml(dossier: CaseDossier): string {
  const unit = (id: string | null): string => {
    if (!id) return '—';
    const u = dossier.units[id];
    return u ? `${escape(u.name)} (${escape(u.code)})` : `<code>${escape(id)}</code>`;
  };
  const rows = dossier.entries
    .map(
      (e) =>
        `<tr><td>${escape(e.seq)}</td><td>${escape(when(e.at))}</td><td>${escape(
          ACTION_ID[e.action] ?? e.action,
        )}</td><td>${unit(e.fromUnit)}</td><td>${unit(e.toUnit)}</td><td>${
          e.actor ? `petugas <code>${escape(e.actor.slice(0, 8))}</code>` : 'sistem'
        }</td><td class="hash">${escape(e.entryHash)}</td></tr>`,
    )
    .join('\n');
  const c = dossier.checkpoint;
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Berita Acara Serah Terima — ${escape(dossier.case.reference)}</title>
<style>${DOSSIER_STYLE}</style>
</head>
<body>
<h1>BERITA ACARA SERAH TERIMA</h1>
<p class="sub">Rekam jejak rujukan kasus <strong>${escape(dossier.case.reference)}</strong> pada buku besar Simpul</p>

<table>
<tr><th>Nomor kasus</th><td>${escape(dossier.case.reference)}</td></tr>
<tr><th>Status</th><td>${escape(dossier.case.status)}</td></tr>
<tr><th>Jenis eksploitasi</th><td>${escape(dossier.case.exploitationTypes.join(', '))}</td></tr>
<tr><th>Unit utama</th><td>${unit(dossier.case.leadUnit)}</td></tr>
<tr><th>Dibuka</th><td>${escape(when(dossier.case.openedAt))}</td></tr>
<tr><th>Dokumen dibuat</th><td>${escape(when(dossier.generatedAt))}</td></tr>
</table>

<h2>Entri buku besar (${dossier.entries.length})</h2>
<table>
<thead><tr><th>No. urut</th><th>Waktu</th><th>Tindakan</th><th>Dari</th><th>Kepada</th><th>Pelaku</th><th>Hash entri (SHA-256)</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>

<h2>Checkpoint bertanda tangan</h2>
<p>Setiap entri di atas dibuktikan termasuk dalam pohon Merkle (RFC 9162) yang akarnya ditandatangani
Simpul dengan kunci Ed25519. Bukti inklusi tiap entri ada di berkas dosier JSON.</p>
<table>
<tr><th>Jumlah entri dalam pohon</th><td>${escape(c.treeSize)}</td></tr>
<tr><th>Akar Merkle</th><td class="hash">${escape(c.rootHash)}</td></tr>
<tr><th>Diterbitkan</th><td>${escape(when(c.issuedAt))}</td></tr>
<tr><th>ID kunci</th><td><code>${escape(c.keyId)}</code></td></tr>
<tr><th>Tanda tangan</th><td class="hash">${escape(c.signature)}</td></tr>
</table>
<p>Sidik jari checkpoint:</p>
<p class="fingerprint">${escape(dossier.checkpointFingerprint)}</p>
<p>Cara memeriksa tanpa mempercayai Simpul: unduh kunci publik dari
<code>/.well-known/simpul-ledger-keys.json</code> dan berkas dosier JSON. Pemeriksa cukup memegang
kedua berkas itu dan salinan kode sumber Simpul yang sudah dipasang (<code>npm ci</code>; sesudahnya
tidak perlu jaringan, basis data, atau server Simpul). Jalankan <code>npm link</code> sekali di salinan
itu, lalu di folder berisi kedua berkas:
<code>npx simpul-verify dosier.json --keys simpul-ledger-keys.json</code> (nama berkas dosier seperti
yang diunduh). Tanpa <code>npm link</code>, jalankan perintah itu dari folder salinan Simpul, atau
dengan <code>npx --prefix FOLDER-SIMPUL</code>: di luar salinan, npx akan menawarkan mengunduh paket
bernama sama dari registri npm — tolak; Simpul tidak menerbitkannya. Pemeriksa harus
mendapat <code>VERIFIED</code> dan sidik jari yang sama dengan yang tercetak di atas.</p>
<p>Dokumen ini tidak memuat data pribadi: orang hanya disebut dengan kode, catatan hanya dengan
digest-nya.</p>

<div class="sign">
<div>Yang menyerahkan<div class="line"></div></div>
<div>Yang menerima<div class="line"></div></div>
</div>
</body>
</html>
`;
}
