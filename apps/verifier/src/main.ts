import type { Verdict } from '@simpul/ledger-format';
import { verifyFile } from './verify-file';

/**
 * simpul-verify FILE --keys KEYS.json
 *
 * Checks a Simpul ledger export or case dossier offline, with nothing but the file and the hub's
 * published keys (/.well-known/simpul-ledger-keys.json). Exit codes: 0 verified, 1 a check failed
 * (the first bad seq and why are printed), 2 the command or a file could not be read.
 */
const USAGE = 'usage: simpul-verify FILE --keys KEYS.json';

function main(argv: string[]): number {
  const keysAt = argv.indexOf('--keys');
  const keysFile = keysAt >= 0 ? argv[keysAt + 1] : undefined;
  const files = argv.filter((arg, i) => !arg.startsWith('--') && i !== keysAt + 1);
  if (!keysFile || files.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let verdict: Verdict;
  try {
    verdict = verifyFile(files[0], keysFile);
  } catch (error) {
    // A file that cannot be read or parsed; LedgerDocumentError names the line.
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`simpul-verify: ${reason}\n`);
    return 2;
  }
  for (const line of verdict.verified) process.stdout.write(`ok    ${line}\n`);
  if (verdict.ok) {
    process.stdout.write('VERIFIED\n');
    return 0;
  }
  const at = verdict.failure?.seq !== undefined ? `seq ${verdict.failure.seq}: ` : '';
  process.stdout.write(`FAIL  ${at}${verdict.failure?.reason}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
