import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FileWriter } from './file-writer'

/**
 * Uploaded files (photos), kept beside the state rather than inside it, so the state stays small and quick to write.
 * A blob's id is the SHA-256 of its bytes: file names never come from a caller, and the same photo is kept once.
 */
export interface BlobStore {
  /** Stores the bytes durably (on disk before it resolves) and gives their id. */
  put(bytes: Buffer): Promise<string>
  /** The same, blocking: for scenarios and loading old files, never on a request's path. */
  putSync(bytes: Buffer): string
  get(id: string): Promise<Buffer | null>
  /**
   * Deletes every blob whose id is not in `keep` (ids the state refers to) and that is older than `minAgeMs` (an
   * upload stored but not yet referenced by the state is young).
   */
  sweep(keep: Set<string>, minAgeMs?: number): Promise<number>
}

const blobId = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const ID = /^[0-9a-f]{64}$/

/** In memory, for a server without --data. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { bytes: Buffer; at: number }>()

  async put(bytes: Buffer): Promise<string> {
    return this.putSync(bytes)
  }

  putSync(bytes: Buffer): string {
    const id = blobId(bytes)
    // Machine time on purpose: a blob's age only guards the sweep against an upload in flight (housekeeping, not
    // business time), so a QA clock jump must not make a fresh blob look old.
    this.blobs.set(id, { bytes: Buffer.from(bytes), at: Date.now() })
    return id
  }

  async get(id: string): Promise<Buffer | null> {
    return this.blobs.get(id)?.bytes ?? null
  }

  async sweep(keep: Set<string>, minAgeMs = 0): Promise<number> {
    let removed = 0
    for (const [id, blob] of this.blobs) {
      if (keep.has(id) || Date.now() - blob.at < minAgeMs) continue // machine time: see putSync
      this.blobs.delete(id)
      removed++
    }
    return removed
  }
}

/** One file per blob in a directory beside the state file; each written to a temp file, synced, then renamed. */
export class FileBlobStore implements BlobStore {
  constructor(
    private readonly dir: string,
    private readonly writer: FileWriter,
  ) {
    // Made on the first blob, so a state without uploads is one file. A temp file left by a killed process is not a
    // blob (its rename never happened): it goes.
    if (!fs.existsSync(dir)) return
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true })
  }

  private file(id: string): string {
    if (!ID.test(id)) throw new Error('not a blob id')
    return path.join(this.dir, id)
  }

  async put(bytes: Buffer): Promise<string> {
    const id = blobId(bytes)
    const file = this.file(id)
    if (fs.existsSync(file)) return id
    await this.writer.write(file, `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`, bytes)
    return id
  }

  putSync(bytes: Buffer): string {
    const id = blobId(bytes)
    const file = this.file(id)
    if (fs.existsSync(file)) return id
    fs.mkdirSync(this.dir, { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    const fd = fs.openSync(tmp, 'w')
    try {
      fs.writeFileSync(fd, bytes)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, file)
    return id
  }

  async get(id: string): Promise<Buffer | null> {
    if (!ID.test(id)) return null
    return fs.promises.readFile(this.file(id)).catch(() => null)
  }

  async sweep(keep: Set<string>, minAgeMs = 0): Promise<number> {
    let removed = 0
    if (!fs.existsSync(this.dir)) return 0
    for (const name of await fs.promises.readdir(this.dir)) {
      if (!ID.test(name) || keep.has(name)) continue
      const stat = await fs.promises.stat(path.join(this.dir, name)).catch(() => null)
      // Machine time, like the file's mtime: housekeeping (a grace for uploads in flight), not business time.
      if (!stat || Date.now() - stat.mtimeMs < minAgeMs) continue
      await fs.promises.rm(path.join(this.dir, name), { force: true })
      removed++
    }
    return removed
  }
}
