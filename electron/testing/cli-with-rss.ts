/**
 * The command line as `npm run cli` runs it, in one Node process, that prints its peak resident
 * memory (the whole process: main thread and worker threads) as its last line on stderr:
 * `maxrss-kb <n>`. The hostile-intake tests spawn it and read that line.
 */
import { runCli } from '../cli/run-cli';

process.on('exit', () => process.stderr.write(`\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`));
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
