import type { Same } from '../same';
import type { verifyId } from './verify.id';

export const verifyEn: Same<typeof verifyId> = {
  title: 'Verify the ledger',
  help: 'Your own browser recomputes the hash of every entry of this case, checks its inclusion proof against a signed checkpoint, and checks that checkpoint’s Ed25519 signature with Simpul’s public key — without trusting the server.',
  run: 'Verify',
  again: 'Verify again',
  progressLabel: 'Verification progress',
  preparing: 'Fetching entries, checkpoint and public keys…',
  progress: 'Checking entry {{checked}} of {{total}}…',
  verifiedTitle: 'Verified',
  partialTitle: 'Partly verified',
  uncoveredTitle: 'Not provable yet',
  verified_one:
    '{{count}} entry of this case is recorded in the ledger signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  verified_other:
    '{{count}} entries of this case are recorded in the ledger signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  verifiedEnd: ').',
  verifiedSome_one:
    '{{count}} of {{total}} entries of this case is recorded in the ledger signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  verifiedSome_other:
    '{{count}} of {{total}} entries of this case are recorded in the ledger signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  verifiedNone_one:
    'The entry of this case is not covered yet by the latest signed checkpoint, signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  verifiedNone_other:
    'None of the {{count}} entries of this case is covered yet by the latest signed checkpoint, signed on {{issuedAt}} (tree size {{treeSize}}, fingerprint',
  noCheckpoint_one:
    'No checkpoint has been signed yet, so that this case’s entry is in the signed ledger cannot be proven yet. Verify again in about a minute.',
  noCheckpoint_other:
    'No checkpoint has been signed yet, so that this case’s {{count}} entries are in the signed ledger cannot be proven yet. Verify again in about a minute.',
  checkedSignature:
    'The checkpoint’s Ed25519 signature is valid under Simpul’s public key {{keyId}}.',
  checkedHashes:
    'Every entry’s hash was recomputed from its content and matches; content and notes match their digests.',
  checkedInclusion: 'Every entry’s inclusion proof leads to the signed Merkle root.',
  checkedInclusionSome_one: 'That entry’s inclusion proof leads to the signed Merkle root.',
  checkedInclusionSome_other:
    'The inclusion proofs of those {{count}} entries lead to the signed Merkle root.',
  uncovered_one:
    '{{count}} newest entry is not covered by a signed checkpoint yet: its hash matches, but its inclusion proof comes with the next checkpoint (within about a minute). Verify again later.',
  uncovered_other:
    '{{count}} newest entries are not covered by a signed checkpoint yet: their hashes match, but their inclusion proofs come with the next checkpoint (within about a minute). Verify again later.',
  failedTitle: 'Verification failed',
  failedEntry: 'Entry {{position}}: {{action}}{{referral}} (ledger sequence number {{seq}}).',
  failedTag: 'Failed verification',
  reason: {
    NOT_HASHED: 'The server gave no hashed content for this entry.',
    SHOWN_DIFFERS: 'What is shown is not what was hashed.',
    PAYLOAD_DIGEST: 'The entry’s content does not match its digest: it was changed.',
    NOTE_DIGEST: 'The note shown does not match the recorded digest.',
    ENTRY_HASH:
      'The entry hash does not match its content: this entry was changed after it was recorded.',
    CHAIN: 'This entry does not link to the previous entry of the hash chain.',
    NOT_INCLUDED:
      'This entry is not in the signed Merkle tree: its inclusion proof does not lead to the signed root.',
  },
  failedCheckpoint: 'Verification failed: {{reason}}',
  checkpoint: {
    UNKNOWN_KEY: 'the checkpoint is signed with a key that is not among Simpul’s public keys.',
    BAD_KEY: 'a published public key does not match its key id.',
    BAD_SIGNATURE: 'the checkpoint’s signature is not valid.',
    NO_ED25519:
      'this browser does not support Ed25519 in WebCrypto yet. Use a current Chrome or Chromium, or download the dossier and check it with simpul-verify.',
    NO_WEBCRYPTO: 'WebCrypto is not available on this page (https only).',
  },
  empty: 'This case has no ledger entries yet.',
  error: 'Verification could not run: {{message}}',
};
