#!/usr/bin/env node
// `npm start` runs this first, like bin/build-web-if-stale.mjs: it bundles the server into
// dist/server when the bundle is missing or older than its sources, so the started process runs
// prebuilt JavaScript. A failed build is not fatal: bin/suhde.mjs then runs src/ through tsx.
import { buildBundle, isBundleFresh } from './server-bundle.mjs'

if (!isBundleFresh()) {
  console.log('Bundling the server (dist/server is missing or older than its sources)…')
  try {
    await buildBundle()
  } catch (err) {
    console.error(`Could not bundle the server, it will run through tsx: ${err.message}`)
  }
}
