#!/usr/bin/env node
// Plain JavaScript that any Node.js can parse, so an old Node gets a sentence, not a stack trace.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Suhde needs Node.js 22.12 or newer (24 LTS recommended); this is Node.js ${process.versions.node}.\n` +
      'Install a current Node.js from https://nodejs.org/ and run the command again.',
  )
  process.exit(1)
}
// The prebuilt bundle (bin/build-server-if-stale.mjs, run by `npm start`) when it is up to date;
// otherwise the sources through tsx, so a fresh clone, tests and edited sources work unbuilt.
const { bundlePath, isBundleFresh } = await import('./server-bundle.mjs')
if (process.env.SUHDE_NO_BUNDLE !== '1' && isBundleFresh()) {
  const { pathToFileURL } = await import('node:url')
  await import(pathToFileURL(bundlePath).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
