import { describe, expect, it } from 'vitest';
import { utils, write } from '@e965/xlsx';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { classifyHeader, DISTRICT_SHEET, districtListCsv, parseDistrictCsv, readDistrictListFile, type DistrictListResult } from '../../src/io/districts/district-list.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

const params = defaultProjector().parameters;
const parse = (text: string) => parseDistrictCsv(text, params, 'list.csv');
const ok = (r: DistrictListResult) => {
  if (!r.ok) throw new Error(r.error.message);
  return r;
};
const error = (r: DistrictListResult) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('district list: reading', () => {
  it('reads Chinese headers, a 万人 column, shares in %, a title line and a checked total row', () => {
    const r = ok(parse(['泰安市各县市区 2020年第七次人口普查', '县(市、区),常住人口(万人),60岁及以上人口占比(%),65岁及以上人口占比(%),80岁及以上人口占比(%)', '泰山区,80.12,18.5,13.1,2.9', '新泰市,131.5,21.3,15.6,3.4', '全市合计,211.62,,,'].join('\n')));
    expect(r.districts.map((d) => [d.line, d.name, d.population])).toEqual([[3, '泰山区', 801200], [4, '新泰市', 1315000]]);
    expect(r.districts[0].share60).toBeCloseTo(0.185, 12);
    expect(r.districts[0].share65).toBeCloseTo(0.131, 12);
    expect(r.districts[1].share80).toBeCloseTo(0.034, 12);
    expect(r.totalRowLine).toBe(5);
    expect(r.districts[0].source).toEqual({ kind: 'planner', ref: 'list.csv', note: 'line 3' });
    expect(r.notes.map((n) => n.en)).toEqual(['Read 2 districts, 2116200 persons in all', 'The total row (line 5) matches the sum of the districts (not read as a district)']);
  });

  it('reads English headers with numbers aged 60+ (divided by the population), units typed in cells, and a source column', () => {
    const r = ok(parse(['District,Population,Population aged 60+,Persons 80+,Source', 'Taishan,"801,200",14.8万,23235,2020 census bulletin', 'Xintai,1315000,280095,,'].join('\n')));
    expect(r.districts[0].share60).toBeCloseTo(148000 / 801200, 12);
    expect(r.districts[0].share80).toBeCloseTo(23235 / 801200, 12);
    expect(r.districts[0].share65).toBeUndefined();
    expect(r.districts[1].share80).toBeUndefined();
    expect(r.districts[0].source).toEqual({ kind: 'planner', ref: '2020 census bulletin' });
    expect(r.notes.at(-1)?.en).toBe('The 60+, 80+ number(s) were divided by the population to give the shares');
  });

  it('reads back the list it writes (bilingual headers), figures of imported tables included', () => {
    const s = split('taian-14th', TAIAN_THREE);
    const r = ok(parse(districtListCsv(s)));
    expect(r.districts.map((d) => d.name)).toEqual(TAIAN_THREE.map((d) => d.name));
    s.districts!.forEach((d, i) => {
      expect(r.districts[i].population).toBe(d.parameters.base_pop_total);
      expect(r.districts[i].share60).toBeCloseTo(d.parameters.base_share_60plus, 5);
    });
  });

  it('names each header it knows in either language', () => {
    const cases: [string, string | null][] = [
      ['区县', 'name'], ['District', 'name'], ['区县 District', 'name'], ['名称', 'name'], ['街道', 'name'],
      ['常住人口', 'population'], ['2020年常住人口', 'population'], ['Population', 'population'], ['常住人口 Population', 'population'],
      ['60岁及以上人口占比(%)', 'share60'], ['60+ share', 'share60'], ['Share aged 60+ (%)', 'share60'], ['老年人口占比', 'share60'], ['60岁及以上人口', 'count60'],
      ['65周岁及以上人口比重', 'share65'], ['Persons 65+', 'count65'], ['80岁及以上占比(%) Share 80+ (%)', 'share80'], ['来源', 'source'], ['性别比', null],
    ];
    for (const [h, want] of cases) expect([h, classifyHeader(h).column]).toEqual([h, want]);
    expect(classifyHeader('60岁及以上人口(万人)')).toEqual({ column: 'count60', scale: 10_000 });
  });

  it('reads an .xlsx list from its district sheet, a percentage-formatted cell as the fraction it holds', async () => {
    const ws = utils.aoa_to_sheet([['区县', '常住人口', '60岁及以上占比'], ['泰山区', 801200, 0.185], ['东平县', 720000, 0.251]]);
    ws.C2.z = '0.0%';
    ws.C3.z = '0.0%';
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['说明'], ['其他']]), '说明');
    utils.book_append_sheet(wb, ws, DISTRICT_SHEET);
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = ok(await readDistrictListFile(bytes, 'list.xlsx', params));
    expect(r.districts.map((d) => [d.name, d.population, d.share60])).toEqual([['泰山区', 801200, 0.185], ['东平县', 720000, 0.251]]);
  });

  it('reads a CSV saved as UTF-8 bytes with a BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF区县,常住人口,60岁及以上人口占比\n泰山区,801200,18.5%\n');
    expect(ok(await readDistrictListFile(bytes, 'a.csv', params)).districts[0].share60).toBeCloseTo(0.185, 12);
  });
});

describe('district list: refusals name the line and the column', () => {
  const header = '区县,常住人口,60岁及以上人口占比(%)';
  const cases: [string, string[], string][] = [
    ['a bad number', [header, '泰山区,801200,18.5', '新泰市,1315000,约21'], '第3行「60岁及以上人口占比(%)」列(C列):「约21」不是数字 / line 3, column "60岁及以上人口占比(%)" (C): "约21" is not a number'],
    ['a share written as a fraction', [header, '泰山区,801200,0.185'], '第2行「60岁及以上人口占比(%)」列(C列):0.185 % 超出范围;允许 2–60 %(占比按 % 填写:18.7 即 18.7%) / line 2, column "60岁及以上人口占比(%)" (C): 0.185 % is out of range; allowed 2–60 % (shares are in %: 18.7 means 18.7 %)'],
    ['a missing 60+ column', ['区县,常住人口', '泰山区,801200'], '第1行:缺少60岁及以上人口占比(或人数)列 / line 1: no column for the share (or number) aged 60+'],
    ['no header', ['a,b', '1,2'], '第1行:找不到表头:应有“区县”(名称)、“常住人口”和“60岁及以上人口占比”(或人数)列 / line 1: no header row found: expected columns for the district (name), its population and its share (or number) aged 60+'],
    ['an empty file', [''], '第1行:文件为空 / line 1: the file is empty'],
    ['a name twice', [header, '泰山区,801200,18.5', '泰山区,1315000,21'], '第3行「区县」列(A列):区县「泰山区」重复(第2行已有) / line 3, column "区县" (A): the district "泰山区" appears twice (first on line 2)'],
    ['a name with ":"', [header, '泰山:区,801200,18.5'], '第2行「区县」列(A列):名称「泰山:区」不能含“:”(命令行写作 名称:参数=值) / line 2, column "区县" (A): the name "泰山:区" may not contain ":" (the CLI writes NAME:id=value)'],
    ['a missing name', [header, ',801200,18.5'], '第2行「区县」列(A列):缺少区县名称 / line 2, column "区县" (A): the district’s name is missing'],
    ['a missing population', [header, '泰山区,,18.5'], '第2行「常住人口」列(B列):缺少人口数 / line 2, column "常住人口" (B): the population is missing'],
    ['a population below the model’s range', [header, '泰山区,500,18.5'], '第2行「常住人口」列(B列):500 人 超出范围;允许 1000–2000000000 人,整数 / line 2, column "常住人口" (B): 500 persons is out of range; allowed 1000–2000000000 persons, whole numbers'],
    ['65+ above 60+', ['区县,常住人口,60岁及以上人口占比,65岁及以上人口占比', '泰山区,801200,18.5,19'], '第2行「65岁及以上人口占比」列(D列):65岁及以上占比 19% 高于60岁及以上占比 18.5% / line 2, column "65岁及以上人口占比" (D): the 65+ share 19 % is above the 60+ share 18.5 %'],
    ['more aged 60+ than people', ['区县,常住人口,60岁及以上人口', '泰山区,801200,900000'], '第2行「60岁及以上人口」列(C列):900000 人多于该区县人口 801200 人 / line 2, column "60岁及以上人口" (C): 900000 persons is more than the district’s population, 801200'],
    ['a total that does not add up', [header, '泰山区,801200,18.5', '新泰市,1315000,21', '合计,2200000,'], '第4行「常住人口」列(B列):合计 2200000 人与各区县之和 2116200 人不符 / line 4, column "常住人口" (B): the total 2200000 does not match the sum of the districts, 2116200'],
    ['a missing 60+ share', [header, '泰山区,801200,'], '第2行「60岁及以上人口占比(%)」列(C列):缺少60岁及以上人口占比(或人数) / line 2, column "60岁及以上人口占比(%)" (C): the share (or number) aged 60+ is missing'],
    ['no districts', [header, '合计,801200,'], '第2行「区县」列(A列):表中没有区县 / line 2, column "区县" (A): the list holds no districts'],
  ];
  for (const [what, lines, message] of cases) {
    it(what, () => expect(error(parse(lines.join('\n'))).message).toBe(message));
  }

  it('more than 30 districts', () => {
    const rows = Array.from({ length: 31 }, (_, i) => `区${i + 1},10000,20`);
    expect(error(parse([header, ...rows].join('\n')))).toMatchObject({ line: 32, column: '区县' });
  });
});

describe('district list: the .xlsx the app writes', () => {
  it('reads back with the same figures', async () => {
    const { districtListXlsx } = await import('../../src/io/districts/district-list-xlsx.ts');
    const s = split('taian-14th', TAIAN_THREE);
    const r = ok(await readDistrictListFile(districtListXlsx(s), 'districts.xlsx', params));
    expect(r.districts.map((d) => [d.name, d.population])).toEqual(s.districts!.map((d) => [d.name, d.parameters.base_pop_total]));
  });
});
