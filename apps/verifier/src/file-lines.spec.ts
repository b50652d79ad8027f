import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachLine } from './file-lines';

describe('forEachLine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-file-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const linesOf = (bytes: Buffer, chunkBytes: number): string[] => {
    const file = join(dir, `f${chunkBytes}.txt`);
    writeFileSync(file, bytes);
    const lines: string[] = [];
    forEachLine(file, (line) => lines.push(line) > 0, chunkBytes);
    return lines;
  };

  it('gives the lines that splitting the whole decoded file gives, whatever the size of a read', () => {
    const text = [
      '{"a":1}',
      '',
      'x'.repeat(70), // longer than the smaller reads: the buffer grows
      'Jalan Merdeka — Jl. Ahmad Yani ✓ \u{1F600}', // multibyte sequences across reads
      '\r',
      'no newline at the end',
    ].join('\n');
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe2, 0x82])]); // cut sequence
    const expected = bytes.toString('utf8').split('\n');
    for (const chunkBytes of [1, 2, 3, 7, 16, 64, 1 << 20]) {
      expect(linesOf(bytes, chunkBytes)).toEqual(expected);
    }
  });

  it('drops nothing but the empty line after a final newline, as a reader of lines does', () => {
    expect(linesOf(Buffer.from('a\nb\n'), 3)).toEqual(['a', 'b']);
    expect(linesOf(Buffer.from(''), 3)).toEqual([]);
  });

  it('stops when asked to', () => {
    const file = join(dir, 'stop.txt');
    writeFileSync(file, 'a\nb\nc\n');
    const seen: string[] = [];
    forEachLine(file, (line) => seen.push(line) < 2, 2);
    expect(seen).toEqual(['a', 'b']);
  });
});
