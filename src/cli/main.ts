/**
 * The CLI: `npm run --silent project -- [FILE | --preset ID] [--local-data FILE]
 * [--base-population FILE] [--set id=value ...] [--format json|csv] [--list-parameters]
 * [--dump-scenario]`. Same engine as the app.
 * Bad input exits non-zero with one line naming the field and the allowed range.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.ts';

const out = runCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'), (path) => new Uint8Array(readFileSync(path)));
if (out.stdout) process.stdout.write(out.stdout.endsWith('\n') ? out.stdout : `${out.stdout}\n`);
if (out.stderr) process.stderr.write(`${out.stderr}\n`);
process.exitCode = out.code;
