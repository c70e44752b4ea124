import { describe, expect, it } from 'vitest';
import { parsePastedBlock } from './paste-block';

describe('parsePastedBlock', () => {
  it('reads a column copied from Excel, trailing line break dropped', () => {
    expect(parsePastedBlock('1.250\r\n12,5\r\n\r\n7\r\n')).toEqual([['1.250'], ['12,5'], [''], ['7']]);
  });
  it('reads rows of tab-separated cells, as Word and Excel copy a table', () => {
    expect(parsePastedBlock('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('undoes Excel quoting of a cell holding a line break or quotes', () => {
    expect(parsePastedBlock('"dòng 1\ndòng 2"\t"nói ""có"""\n5')).toEqual([['dòng 1\ndòng 2', 'nói "có"'], ['5']]);
  });
  it('an empty clipboard is no block', () => {
    expect(parsePastedBlock('')).toEqual([]);
  });
});
