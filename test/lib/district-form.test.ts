import { describe, expect, it } from 'vitest';
import { checkDistrictDraft, EMPTY_DRAFT } from '../../src/lib/district-form.ts';
import { split, TAIAN_THREE } from '../engine/districts/helpers.ts';

const s = split('taian-14th', TAIAN_THREE);

describe('the add-a-district form', () => {
  it('reads a population with 万 and shares in %', () => {
    expect(checkDistrictDraft({ name: ' 岱岳区 ', population: '95.3万', share60: '21.4', share65: '', share80: '3.9%' }, s, 'zh')).toEqual({
      ok: true,
      headline: { name: '岱岳区', population: 953000, share60: 0.214, share80: 0.039 },
    });
  });

  it('names each field at fault with the allowed range', () => {
    const r = checkDistrictDraft({ name: '泰山区', population: '300', share60: '0.2', share65: '25', share80: 'x' }, s, 'en');
    expect(r).toEqual({
      ok: false,
      errors: [
        'District name: there is already a district named "泰山区"',
        'Base-year population (persons; 12.3万 works): 300 persons is out of range; allowed 1000–2000000000 persons, whole numbers',
        'Share aged 60+ (%): 0.2 % is out of range; allowed 2–60 %',
        'Share aged 80+ (%, optional): "x" is not a number',
      ],
    });
    expect(checkDistrictDraft({ ...EMPTY_DRAFT, name: 'a', population: '10000', share60: '20', share65: '25' }, s, 'zh')).toEqual({ ok: false, errors: ['65岁及以上占比(%,可空): 不能高于60岁及以上占比'] });
    expect(checkDistrictDraft(EMPTY_DRAFT, s, 'zh')).toMatchObject({ ok: false, errors: ['区县名称: 请填写区县名称', '基期常住人口(人,可写 12.3万): 请填写', '60岁及以上占比(%): 请填写'] });
  });
});
