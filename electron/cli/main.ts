import { runCli } from './run-cli';
import { closeSharedReplyParser } from '../services/import/reply-parser';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
// The parse worker is unreferenced, yet after an import the process did not end (a script calling
// `import` waited for ever; found by the kill test): the worker is stopped here.
await closeSharedReplyParser();
process.exitCode = code;
