import { runCli } from './program'

// The entry of `suhde` (bin/suhde.mjs); everything else is testable through runCli.
const code = await runCli(process.argv.slice(2), {
  // eslint-disable-next-line no-restricted-syntax -- handed to loadConfig, the one reader
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
// `serve` keeps running until a signal; every other command ends here.
if (code !== 0 || process.argv[2] !== 'serve') process.exit(code)
