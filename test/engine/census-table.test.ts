/**
 * Census tables as planners have them: 5-year groups (0 and 1-4 split or not), totals without
 * sex, Chinese or English headers, a 总计 row — imported and reproduced exactly in the base year.
 * The table is the real 2020 census table 1-5 (全国 row), copied from shared/data into
 * test/fixtures/census-2020-china-by-age-sex.csv, and county-style layouts made from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePopulationCsv } from '../../src/engine/population/import-csv.ts';
import { apportion } from '../../src/engine/population/group-spread.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import type { BasePopulation } from '../../src/engine/types.ts';

const NATIONAL = readFileSync(new URL('../fixtures/census-2020-china-by-age-sex.csv', import.meta.url), 'utf8');
interface Group { label: string; start: number; end: number | null; male: number; female: number }
const GROUPS: Group[] = NATIONAL.trim().split(/\r?\n/).slice(1).map((l) => {
  const [label, s, e, m, f] = l.split(',');
  return { label, start: Number(s), end: e === '' ? null : Number(e), male: Number(m), female: Number(f) };
});
/** 0 and 1-4 merged into 0-4, as county tables usually print them. */
const FIVE_YEAR: Group[] = [
  { label: '0-4', start: 0, end: 4, male: GROUPS[0].male + GROUPS[1].male, female: GROUPS[0].female + GROUPS[1].female },
  ...GROUPS.slice(2),
];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const TOTAL = sum(GROUPS.map((g) => g.male + g.female));

/** The base-year pyramid of a projection of `base`, summed over a group's ages. */
function baseYearGroups(base: BasePopulation, groups: Group[]) {
  const p = defaultProjector();
  const r = p.run({ ...defaultScenario(), basePopulation: base });
  return groups.map((g) => {
    let m = 0;
    let f = 0;
    for (let a = g.start; a <= (g.end ?? 100); a++) {
      m += r.pyramidMale[a];
      f += r.pyramidFemale[a];
    }
    return { label: g.label, male: m, female: f, total: m + f };
  });
}

/** A county-style table: title line, 年龄/合计/男/女 headers, "0—4岁" labels, 总计 first. */
function countyCsv(groups: Group[], opts: { totalsOnly?: boolean; totalRow?: number } = {}): string {
  const label = (g: Group) => (g.end === null ? `${g.start}岁及以上` : g.end === g.start ? `${g.start}岁` : `${g.start}—${g.end}岁`);
  const lines = ['表1-5 各地区分年龄、性别的人口(单位:人)', opts.totalsOnly ? '年龄,合计' : '年龄,合计,男,女'];
  const total = opts.totalRow ?? TOTAL;
  const m = sum(groups.map((g) => g.male));
  const f = sum(groups.map((g) => g.female));
  lines.push(opts.totalsOnly ? `总　计,${total}` : `总　计,${total},${m},${f}`);
  for (const g of groups) lines.push(opts.totalsOnly ? `${label(g)},"${(g.male + g.female).toLocaleString('en-US')}"` : `${label(g)},${g.male + g.female},${g.male},${g.female}`);
  return lines.join('\r\n');
}

describe('census tables in 5-year groups', () => {
  it('reads the national 2020 table as it is (0 and 1-4 split, English headers) and reproduces every group exactly in the base year', () => {
    const r = parsePopulationCsv(NATIONAL, 'china-2020.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.groups).toBe(22);
    expect(r.summary.sexFromNationalRatio).toBe(false);
    expect(r.base.expanded).toEqual({ fromGroups: true, sexFromNationalRatio: false });
    for (const x of r.base.male.concat(r.base.female)) expect(Number.isInteger(x)).toBe(true);
    const got = baseYearGroups(r.base, GROUPS);
    GROUPS.forEach((g, i) => {
      expect(got[i].male, `${g.label} male`).toBe(g.male);
      expect(got[i].female, `${g.label} female`).toBe(g.female);
    });
    expect(sum(got.map((g) => g.total))).toBe(1_409_778_724);
  });

  it('reads a county-style layout (title line, 年龄/合计/男/女, "0—4岁", 100岁及以上, 总计 row) and keeps each group total', () => {
    const r = parsePopulationCsv(countyCsv(FIVE_YEAR), 'county.csv');
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    expect(r.summary.groups).toBe(21);
    expect(r.summary.totalRowLine).toBe(3);
    const got = baseYearGroups(r.base, FIVE_YEAR);
    FIVE_YEAR.forEach((g, i) => {
      expect(got[i].male).toBe(g.male);
      expect(got[i].female).toBe(g.female);
    });
    // Ages inside 0-4 follow the national shape: age 0 close to the census count of age 0.
    expect(Math.abs(r.base.male[0] - GROUPS[0].male) / GROUPS[0].male).toBeLessThan(0.05);
  });

  it('splits a totals-only table by the national sex ratio by age, says so, and keeps every group total exactly', () => {
    const r = parsePopulationCsv(countyCsv(FIVE_YEAR, { totalsOnly: true }), 'totals.csv');
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    expect(r.summary.sexFromNationalRatio).toBe(true);
    expect(r.base.expanded).toEqual({ fromGroups: true, sexFromNationalRatio: true });
    expect(r.summary.notes.map((n) => n.en).join(' ')).toMatch(/sex ratio by age/);
    expect(r.summary.notes.map((n) => n.zh).join(' ')).toMatch(/性别比/);
    const got = baseYearGroups(r.base, FIVE_YEAR);
    FIVE_YEAR.forEach((g, i) => {
      expect(got[i].total, g.label).toBe(g.male + g.female);
      // The national table split by the national ratio gives back (almost) its own sexes.
      expect(Math.abs(got[i].male - g.male)).toBeLessThanOrEqual(1);
    });
  });

  it('reads single years, 5-year groups and a table in 万人 with a unit in the header', () => {
    const lines = ['age,男(万人),女(万人)', '0-14,10.5,9.5', '15-59,40,40', '60-79,8.25,9', '80+,1.2,2.1'];
    const r = parsePopulationCsv(lines.join('\n'));
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
    if (!r.ok) return;
    expect(r.summary.unitScale).toBe(10_000);
    expect(sum(r.base.male.slice(60, 80))).toBe(82_500);
    expect(sum(r.base.female.slice(80))).toBe(21_000);
  });
});

describe('census tables: refusals name the line and the column', () => {
  const refuse = (text: string) => {
    const r = parsePopulationCsv(text);
    if (r.ok) throw new Error('expected a refusal');
    return r.error;
  };
  it('a total row that does not match the groups', () => {
    const e = refuse(countyCsv(FIVE_YEAR, { totalRow: TOTAL + 1000 }));
    expect(e.line).toBe(3);
    expect(e.column).toBe('合计');
    expect(e.message).toMatch(/line 3, column "合计" \(B\): the total 1409779724 does not match the sum of the age groups, 1409778724/);
  });
  it('male + female not equal to the total of a row', () => {
    const text = countyCsv(FIVE_YEAR).replace(`,${FIVE_YEAR[3].male + FIVE_YEAR[3].female},`, `,${FIVE_YEAR[3].male + FIVE_YEAR[3].female + 7},`);
    const e = refuse(text);
    expect(e.line).toBe(7);
    expect(e.message).toMatch(/line 7, column "合计" \(B\): male \+ female = /);
  });
  it('overlapping, missing and unreadable age groups, and a missing open group', () => {
    expect(refuse('age,total\n0-4,1\n3-9,1\n10+,1')).toMatchObject({ line: 3, column: 'age' });
    expect(refuse('age,total\n0-4,1\n3-9,1\n10+,1').message).toMatch(/overlaps 0–4 on line 2/);
    expect(refuse('age,total\n0-4,1\n10+,1').message).toMatch(/line 3, column "age" \(A\): ages 5–9 are missing/);
    expect(refuse('age,total\n0-4,1\nfive to nine,1\n10+,1')).toMatchObject({ line: 3, column: 'age' });
    expect(refuse('age,total\n0-4,1\n5-9,1').message).toMatch(/open age group \(e\.g\. 100\+\) is missing/);
    expect(refuse('age,total\n0-4,1\n5-99,1\n95-104,1').message).toMatch(/straddles 100/);
  });
  it('a count that is not a number, a missing sex column, no header', () => {
    expect(refuse('年龄,男,女\n0-4,1,x\n5+,1,1')).toMatchObject({ line: 2, column: '女' });
    expect(refuse('年龄,男\n0-4,1\n5+,1')).toMatchObject({ line: 1, column: 'female' });
    expect(refuse('a,b\n1,2').message).toMatch(/no header row found/);
  });
});

describe('apportion keeps whole totals exactly', () => {
  it('parts are whole and add up to the total, for any weights', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e9 }), fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 12 }), (total, w) => {
        const parts = apportion(total, w);
        expect(parts.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        expect(sum(parts)).toBe(total);
      }),
    );
  });
});
