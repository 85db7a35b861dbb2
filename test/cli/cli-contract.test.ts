/** The CLI's contract under bad input (issue 16, item 10): exit 2, one line naming the field, never a hang. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../models/presets/index.ts';
import { readScenarioFile } from '../../src/cli/read-file.ts';
import { runCli } from '../../src/cli/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-contract-'));
const fileOf = (doc: unknown) => () => JSON.stringify(doc);
const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};
const target = { id: 'bad_target', label: 'x', expr: 'no_such_variable * 2', op: '>=', value: 1, year: 2025, every: false };

function oneLine(out: { stderr: string; code: number }): void {
  expect(out.code).toBe(2);
  expect(out.stderr.startsWith('error: ')).toBe(true);
  expect(out.stderr).not.toMatch(/[\r\n]/);
}

describe('CLI contract', () => {
  it('exits 2 naming the field when a planner expression does not compile (it used to hide in targets[].error)', () => {
    const out = runCli(['s.json'], fileOf({ ...defaultScenario(), targets: [target] }));
    oneLine(out);
    expect(out.stderr).toMatch(/s\.json: targets\[0\] \(bad_target\): unknown identifier "no_such_variable"/);
    const ind = runCli(['s.json'], fileOf({ ...defaultScenario(), indicators: [{ id: 'ind', label: 'x', expr: 'prev(tfr_end)' }] }));
    oneLine(ind);
    expect(ind.stderr).toMatch(/indicator "ind": prev\(tfr_end\) reads a parameter/);
  });

  it('refuses a file whose parameters are out of range, for a projection and for --dump-scenario', () => {
    for (const argv of [['s.json'], ['s.json', '--dump-scenario'], ['s.json', '--format', 'csv']]) {
      const out = runCli(argv, fileOf({ ...defaultScenario(), parameters: { tfr_end: 99 } }));
      oneLine(out);
      expect(out.stderr).toMatch(/parameters\.tfr_end = 99: allowed/);
    }
  });

  it('refuses an out-of-range or non-decimal --set, with --dump-scenario too', () => {
    for (const raw of ['99', '0x2', '1e-400', 'Infinity', ' ', '2,5', '0b1', '1_0']) {
      const out = runCli(['--set', `tfr_end=${raw}`, '--dump-scenario'], noFile);
      oneLine(out);
      expect(out.stderr).toMatch(/--set tfr_end=.*allowed [\d.]+–[\d.]+/);
    }
    expect(JSON.parse(runCli(['--set', 'tfr_end=1.5e0', '--dump-scenario'], noFile).stdout).parameters.tfr_end).toBe(1.5);
    expect(JSON.parse(runCli(['--set', 'tfr_end=.9', '--dump-scenario'], noFile).stdout).parameters.tfr_end).toBe(0.9);
  });

  it('keeps usage errors and messages with line breaks on one line', () => {
    oneLine(runCli(['--bogus'], noFile));
    const cut = runCli(['t.json'], () => '{"schemaVersion": 3,\n"name": "x\ny"');
    oneLine(cut);
  });

  it('reads only regular files, with a size cap, and only UTF-8', () => {
    expect(() => readScenarioFile('/dev/zero')).toThrow(/a device; give a file/);
    expect(() => readScenarioFile(tmp)).toThrow(/a directory/);
    const fifo = join(tmp, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => readScenarioFile(fifo)).toThrow(/a pipe \(FIFO\)/);
    const gbk = join(tmp, 'gbk.json');
    writeFileSync(gbk, Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc4, 0xe3, 0x22, 0x7d]));
    expect(() => readScenarioFile(gbk)).toThrow(/not UTF-8 text \(line 1/);
  });

  it('as a real process: /dev/zero is refused at once with exit 2 and one line (a FIFO is refused by the same stat, above)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '/dev/zero'], { encoding: 'utf8', timeout: 40_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read \/dev\/zero: a device/);
  }, 45_000);
});
