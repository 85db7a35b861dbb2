import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import { serializeScenario } from '../../src/engine/scenario/migrate.ts';
import { backupToText, parseBackup } from '../../src/io/backup.ts';

const record = (id: string, name: string) => ({ id, name, summary: '60+ 18.7%', savedAt: '2025-03-01T08:00:00.000Z', scenario: serializeScenario({ ...defaultScenario(), name }) });

describe('backup file', () => {
  it('round-trips every saved scenario', () => {
    const text = backupToText([record('a', '甲'), record('b', '乙')], '2025-03-02T00:00:00.000Z');
    const back = parseBackup(text);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.entries.map((e) => [e.id, e.name, e.scenario.name])).toEqual([['a', '甲', '甲'], ['b', '乙', '乙']]);
      expect(back.refused).toEqual([]);
      expect(back.exportedAt).toBe('2025-03-02T00:00:00.000Z');
    }
  });

  it('lists a damaged entry by place and field while the others stay readable', () => {
    const doc = JSON.parse(backupToText([record('a', '甲'), record('b', '乙')], 'x'));
    doc.scenarios[1].scenario.endYear = 3000;
    const back = parseBackup(JSON.stringify(doc));
    expect(back.ok && back.entries.map((e) => e.id)).toEqual(['a']);
    expect(back.ok && back.refused).toEqual([{ index: 1, name: '乙', errors: expect.arrayContaining([expect.stringMatching(/^scenarios\[1\]\.scenario\.endYear = 3000/)]) }]);
  });

  it('refuses what is not a backup, and prototype keys anywhere', () => {
    expect(parseBackup(serializeScenario(defaultScenario()))).toEqual({ ok: false, errors: [expect.stringMatching(/not a backup .*use “Import JSON”/)] });
    expect(parseBackup('{"kind": "minzheng-planner-backup", "backupVersion": 1, "scenarios": [], "__proto__": {}}')).toEqual({ ok: false, errors: [expect.stringMatching(/^__proto__: the key/)] });
    expect(parseBackup('[1,')).toMatchObject({ ok: false });
  });
});
