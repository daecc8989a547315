import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../../errors'
import { newId } from '../../lib/ids'

// The request body goes straight to a temporary file, so an upload of hundreds of megabytes
// costs the server a few buffers of memory. The file is scanned and stored from there, then
// removed.

export type SavedUpload = { path: string; size: number; remove(): Promise<void> }

export async function saveUpload(body: Readable, limit: number): Promise<SavedUpload> {
  const path = join(tmpdir(), `suhde-import-${newId()}.upload`)
  const remove = () => rm(path, { force: true })
  let size = 0
  const count = new Transform({
    transform(piece: Buffer, _enc, done) {
      size += piece.byteLength
      if (size > limit)
        done(
          new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than ${Math.round(limit / 1024 / 1024)} MB`,
          ),
        )
      else done(null, piece)
    },
  })
  try {
    await pipeline(body, count, createWriteStream(path))
  } catch (err) {
    await remove()
    throw err
  }
  return { path, size: (await stat(path)).size, remove }
}
