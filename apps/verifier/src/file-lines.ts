import { closeSync, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';

const CHUNK = 8 * 1024 * 1024;

/**
 * Calls `visit` with each line of the file, without its '\n', reading it 8 MiB at a time and
 * decoding one line at a time: never the whole file as one string, which V8 caps at 512 MiB (an
 * export of a million entries is about 700 MB). Lines are decoded as UTF-8 the way reading the whole
 * file would decode them ('\n' never occurs inside a UTF-8 sequence). `visit` returns false to stop.
 * `chunkBytes` is for tests of lines that straddle reads.
 */
export function forEachLine(
  path: string,
  visit: (line: string) => boolean,
  chunkBytes = CHUNK,
): void {
  const fd = openSync(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    let filled = 0;
    let ended = false;
    while (!ended) {
      if (filled === buffer.length) {
        // One line longer than the buffer: make room for it.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      ended = read === 0;
      const end = filled + read;
      // An all-ASCII stretch (every export the hub writes) decodes as latin1, without UTF-8 checks.
      const encoding = isAscii(buffer.subarray(0, end)) ? 'latin1' : 'utf8';
      let start = 0;
      for (let newline = buffer.indexOf(10); newline !== -1 && newline < end;) {
        if (!visit(buffer.toString(encoding, start, newline))) return;
        start = newline + 1;
        newline = buffer.indexOf(10, start);
      }
      if (ended) {
        if (start < end && !visit(buffer.toString(encoding, start, end))) return;
      } else {
        // The unfinished last line moves to the front; the next read completes it.
        buffer.copy(buffer, 0, start, end);
        filled = end - start;
      }
    }
  } finally {
    closeSync(fd);
  }
}
