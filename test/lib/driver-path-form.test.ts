import { describe, expect, it } from 'vitest';
import { DRIVER_PATHS } from '../../models/population.ts';
import { modules } from '../../models/index.ts';
import { defaultScenario } from '../../models/presets/index.ts';
import { defaultProjector } from '../../src/engine/default-model.ts';
import { driverValues, readDrafts, startingPoints, toDrafts } from '../../src/lib/driver-path-form.ts';

const params = modules.flatMap((m) => m.parameters);
const path = (id: string) => DRIVER_PATHS.find((d) => d.id === id)!;
const range = (id: string) => params.find((p) => p.id === path(id).rangeParam)!;

describe('driver path form', () => {
  it('opens on the base/end pair, and on the path when one is set', () => {
    const s = defaultScenario();
    s.parameters = { tfr_base: 1.2, tfr_end: 1.5 };
    expect(startingPoints(path('tfr'), s, params, null)).toEqual([{ year: 2020, value: 1.2 }, { year: 2050, value: 1.5 }]);
    const r = defaultProjector().run(s);
    const e0 = startingPoints(path('e0'), s, params, r);
    expect(e0[0]).toEqual({ year: 2020, value: 77.93 });
    expect(e0[1]!.value).toBeCloseTo(r.series.life_expectancy!.at(-1)!, 2);
    s.paths = { tfr: [{ year: 2025, value: 1.1 }] };
    expect(startingPoints(path('tfr'), s, params, null)).toEqual([{ year: 2025, value: 1.1 }]);
  });
  it('shows and reads shares in percent; refuses a bad point naming it and the allowed range', () => {
    expect(toDrafts([{ year: 2025, value: 0.7 }], range('urban_share'))).toEqual([{ year: '2025', value: '70' }]);
    expect(readDrafts(path('urban_share'), [{ year: '2035', value: '75' }], range('urban_share'), 'en')).toEqual({ ok: true, points: [{ year: 2035, value: 0.75 }] });
    expect(readDrafts(path('urban_share'), [{ year: '2035', value: '120' }], range('urban_share'), 'zh')).toEqual({ ok: false, errors: ['第1点取值「120」:允许 0–100 %'] });
    expect(readDrafts(path('tfr'), [{ year: '2025', value: '1.1' }, { year: '2025', value: '1.2' }], range('tfr'), 'en'))
      .toEqual({ ok: false, errors: ['year 2025 appears twice: one point per year'] });
    expect(readDrafts(path('tfr'), [{ year: '20x5', value: '' }], range('tfr'), 'en'))
      .toEqual({ ok: false, errors: ['point 1, year "20x5": allowed whole years 1990–2100', 'point 1, value "": allowed 0.5–3 children per woman'] });
  });
  it('sorts the points it reads by year', () => {
    const r = readDrafts(path('tfr'), [{ year: '2035', value: '1.2' }, { year: '2025', value: '1.1' }], range('tfr'), 'en');
    expect(r).toEqual({ ok: true, points: [{ year: 2025, value: 1.1 }, { year: 2035, value: 1.2 }] });
  });
  it('draws what the engine used: result series, or the rates as set', () => {
    const s = defaultScenario();
    s.paths = { net_migration_rate: [{ year: 2030, value: 5 }] };
    const r = defaultProjector().run(s);
    expect(driverValues(path('tfr'), r)).toEqual(Array.from(r.series.tfr!));
    const mig = driverValues(path('net_migration_rate'), r, s, params)!;
    expect(mig[0]).toBe(0);
    expect(mig[10]).toBe(5);
    expect(mig[5]).toBeCloseTo(2.5, 12);
    expect(driverValues(path('tfr'), null)).toBeNull();
  });
});
