import { evaluationCsvLines } from './evaluation-csv';
import type { EvaluationCell } from './evaluation-cell';

const shown: EvaluationCell = {
  month: '2026-11',
  provinceCode: '53',
  exploitationType: 'ONLINE_SCAM',
  agencyCode: 'KEMLU',
  suppressed: false,
  persons: 11,
  casesOpened: 2,
  referrals: 1,
  accepted: 1,
  medianMinutesToAccept: 12.3456,
  completed: 0,
  failed: 0,
  rejected: 0,
  redirected: 0,
};

describe('evaluationCsvLines', () => {
  it('writes a header and one CRLF line per cell, suppressed cells with empty measures', () => {
    const suppressed: EvaluationCell = {
      ...shown,
      provinceCode: null,
      suppressed: true,
      persons: null,
      casesOpened: null,
      referrals: null,
      accepted: null,
      medianMinutesToAccept: null,
      completed: null,
      failed: null,
      rejected: null,
      redirected: null,
    };
    expect(evaluationCsvLines([shown, suppressed])).toEqual([
      'month,provinceCode,exploitationType,agencyCode,suppressed,persons,casesOpened,referrals,accepted,medianMinutesToAccept,completed,failed,rejected,redirected\r\n',
      '2026-11,53,ONLINE_SCAM,KEMLU,false,11,2,1,1,12.3,0,0,0,0\r\n',
      '2026-11,,ONLINE_SCAM,KEMLU,true,,,,,,,,,\r\n',
    ]);
  });

  it('quotes separators and defuses spreadsheet formulas', () => {
    const [, line] = evaluationCsvLines([{ ...shown, agencyCode: '=HYPERLINK("x"),1' }]);
    expect(line.startsWith('2026-11,53,ONLINE_SCAM,"\'=HYPERLINK(""x""),1",')).toBe(true);
  });
});
