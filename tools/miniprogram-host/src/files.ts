import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The host's file system: temp files (`wxfile://tmp_…`, Alipay's `https://resource/…`) and the user data folder
 * (`wx.env.USER_DATA_PATH`), kept in a private temporary folder. uploadFile and getImageInfo read from here.
 */
export class HostFiles {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miniprogram-host-'))
  private seq = 0

  /** The real file behind a platform path; refuses paths outside the host's folder. */
  real(platformPath: string): string {
    const rest = String(platformPath).replace(/^[a-z]+:\/\//i, '')
    const file = path.resolve(this.dir, rest)
    if (path.relative(this.dir, file).startsWith('..')) throw new Error(`no such file ${platformPath}`)
    return file
  }

  read(platformPath: string): Buffer {
    return fs.readFileSync(this.real(platformPath))
  }

  write(platformPath: string, data: string | Uint8Array, encoding?: BufferEncoding): void {
    const file = this.real(platformPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : data)
  }

  /** Copies bytes in as a new temp file, as a picker does; returns its platform path. */
  addTemp(prefix: string, bytes: Uint8Array, ext: string): string {
    const p = `${prefix}/tmp_${++this.seq}_${Date.now().toString(36)}.${ext}`
    this.write(p, bytes)
    return p
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
