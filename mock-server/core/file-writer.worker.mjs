// The mock server's file writer (core/file-writer.ts): durable, atomic file writes on a thread of their own.
// Synchronous fs calls here run on this thread, not on libuv's shared pool, so a write never queues behind
// password hashing or image work during a peak.
import fs from 'node:fs'
import path from 'node:path'
import { parentPort } from 'node:worker_threads'

parentPort.on('message', ({ id, file, tmp, data }) => {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const fd = fs.openSync(tmp, 'w')
    try {
      fs.writeFileSync(fd, data)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, file)
    // The rename is durable only once the directory entry is.
    const dir = fs.openSync(path.dirname(file), 'r')
    try {
      fs.fsyncSync(dir)
    } finally {
      fs.closeSync(dir)
    }
    parentPort.postMessage({ id })
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message ? err.message : err) })
  }
})
