import type { Same } from '../same';
import type { dossierId } from './dossier.id';

export const dossierEn: Same<typeof dossierId> = {
  title: 'Handover record',
  help: 'Download this case’s dossier to check it outside Simpul: the JSON file for simpul-verify, or the printable handover record. Neither holds personal data.',
  json: 'Download dossier (JSON)',
  html: 'Download handover record (printable)',
  progressLabel: 'Download progress',
  preparing: 'Preparing the dossier…',
  progress: 'Received {{received}} of {{total}}{{entries}}',
  progressUnknown: 'Received {{received}}{{entries}}',
  entries_one: ' · {{count}} entry',
  entries_other: ' · {{count}} entries',
  done: 'Saved: {{file}} ({{size}}, {{entries}} entries).',
  failed: 'Download failed: {{message}}',
};
