import { readFileSync } from 'node:fs';
import {
  isLedgerExportHeader,
  LedgerExportReader,
  LedgerVerification,
  parseLedgerDocument,
  parsePublishedKeys,
  verifyLedgerDocument,
  type PublishedKeys,
  type Verdict,
} from '@simpul/ledger-format';
import { forEachLine } from './file-lines';

/**
 * The verdict on a document file against a keys file. A ledger export is read and verified a line
 * at a time (LedgerExportReader into LedgerVerification), holding no entry once it is checked, so
 * that an export of millions of entries needs neither a string of its size nor its entries in
 * memory; anything else (a case dossier: one JSON document) is read whole. Either way the verdict,
 * and what is thrown for a file that cannot be read or is not what the format says, are what
 * parseLedgerDocument and verifyLedgerDocument give for the whole file, and in the same order:
 * the document's own errors before the keys file's.
 */
export function verifyFile(file: string, keysFile: string): Verdict {
  // The keys are read first, since entries are checked as they are read; what is wrong with the
  // keys file is told only once the document itself has been read without error.
  let keys: PublishedKeys | undefined;
  let keysProblem: unknown;
  const readKeys = (): PublishedKeys => {
    if (keys) return keys;
    throw keysProblem;
  };
  try {
    keys = parsePublishedKeys(readFileSync(keysFile, 'utf8'));
  } catch (problem) {
    keysProblem = problem;
  }

  let reader: LedgerExportReader | undefined;
  let verification: LedgerVerification | undefined;
  forEachLine(file, (line) => {
    if (line.trim() === '') return true;
    if (!reader) {
      if (!isLedgerExportHeader(line)) return false;
      reader = new LedgerExportReader(line);
      if (reader.head && keys) verification = new LedgerVerification(reader.head, keys);
      return true;
    }
    const entry = reader.line(line);
    if (entry && verification) verification.add(entry);
    return true;
  });
  if (!reader)
    return verifyLedgerDocument(parseLedgerDocument(readFileSync(file, 'utf8')), readKeys());
  const { declaredCount } = reader.finish();
  readKeys();
  return verification!.finish(declaredCount);
}
