/**
 * The CLI: `npm run --silent project -- [FILE | --preset ID] [--local-data FILE]
 * [--base-population FILE] [--set id=value ...] [--format json|csv] [--list-parameters]
 * [--dump-scenario]`. Same engine as the app.
 * Bad input exits non-zero with one line naming the field and the allowed range.
 */
import { readRegularFile, readScenarioFile } from './read-file.ts';
import { runCli } from './run-cli.ts';

// Regular files only, size-capped: a FIFO or /dev/zero is refused before any read (never a hang).
const out = runCli(process.argv.slice(2), readScenarioFile, readRegularFile);
if (out.stdout) process.stdout.write(out.stdout.endsWith('\n') ? out.stdout : `${out.stdout}\n`);
if (out.stderr) process.stderr.write(`${out.stderr}\n`);
process.exitCode = out.code;
