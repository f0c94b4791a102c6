import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { RETIRED_WORDS } from '../../domain/glossary'

/**
 * One name for each thing (issue 21): no file the app, the server or the contract is built from uses a retired word
 * (domain/glossary.ts names the one to use). A line that must keep one (a quotation, a value from outside) says
 * `glossary: kept` on that line.
 */
const ROOT = path.join(__dirname, '..', '..')
const ROOMS = ['src', 'domain', 'types', 'mock-server']

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '--', ...ROOMS], { cwd: ROOT, encoding: 'utf8' })
  return out.split('\n').filter((f) => /\.(ts|tsx)$/.test(f) && f !== 'domain/glossary.ts')
}

describe('one glossary', () => {
  it('no retired word is left in the app, the server or the contract', () => {
    const found: string[] = []
    for (const file of trackedSources()) {
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.includes('glossary: kept')) return
          for (const [retired, use] of RETIRED_WORDS) {
            if (line.includes(retired)) found.push(`${file}:${i + 1} ${retired} → ${use}`)
          }
        })
    }
    expect(found).toEqual([])
  })

  it('the check sees a retired word (it reads the files it should)', () => {
    expect(trackedSources()).toEqual(expect.arrayContaining(['src/routes.ts', 'types/errors.ts']))
    expect(RETIRED_WORDS.map(([w]) => w)).toContain('核验不通过')
  })
})
