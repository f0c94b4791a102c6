/**
 * @jest-environment jsdom
 */
import fs from 'node:fs'
import path from 'node:path'
import { render } from '@testing-library/react'
import { IdentityTag, PhotoTag, RecordTag, RecordsTag } from '../../src/components/verification-tag'
import { RECORD_STATE_NAMES } from '../../domain/education'
import { RETIRED_WORDS, VERIFICATION } from '../../domain/glossary'

/**
 * The hub's verification words are the glossary's (issue 21): 待核验 and 核验未通过, never their retired variants
 * (RETIRED_WORDS); the tags, the record lists and the profile server say them alike.
 */
describe('verification words', () => {
  const shown = (el: JSX.Element) => render(el).container.textContent

  test('every tag says the glossary’s word for its state', () => {
    expect(shown(<PhotoTag state='pending' />)).toBe(VERIFICATION.pending)
    expect(shown(<PhotoTag state='passed' />)).toBe(VERIFICATION.passed)
    expect(shown(<PhotoTag state='failed' />)).toBe('核验未通过')
    expect(shown(<IdentityTag state='pending' />)).toBe(VERIFICATION.checking)
    expect(shown(<IdentityTag state='failed' />)).toBe(VERIFICATION.failed)
    expect(shown(<RecordTag state='unverified' />)).toBe('待核验')
    expect(shown(<RecordTag state='verified' />)).toBe(VERIFICATION.passed)
    expect(shown(<RecordTag state='rejected' />)).toBe(VERIFICATION.failed)
    expect(shown(<RecordsTag counts={{ total: 2, verified: 0, rejected: 1 }} />)).toBe(VERIFICATION.pending)
    expect(shown(<RecordsTag counts={{ total: 1, verified: 0, rejected: 1 }} />)).toBe(VERIFICATION.failed)
  })

  test('a record’s states are named by the glossary', () => {
    expect(RECORD_STATE_NAMES).toEqual({
      unverified: VERIFICATION.pending,
      verified: VERIFICATION.passed,
      rejected: VERIFICATION.failed,
    })
  })

  test('the profile pages, the tags, the record rules and the profile server use no retired word', () => {
    const root = path.join(__dirname, '..', '..')
    const files = (dir: string): string[] =>
      fs.statSync(dir).isFile() ? [dir] : fs.readdirSync(dir).flatMap((name) => files(path.join(dir, name)))
    const room = [
      'src/packages/profile',
      'src/components/verification-tag',
      'domain/education.ts',
      'mock-server/features/profile',
    ].flatMap((p) => files(path.join(root, p)))
    expect(room.length).toBeGreaterThan(10)
    const found = room.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !line.includes('glossary: kept'))
        .flatMap((line) =>
          RETIRED_WORDS.filter(([retired]) => line.includes(retired)).map(
            ([retired, use]) => `${path.relative(root, file)}: ${retired} (use ${use})`,
          ),
        ),
    )
    expect(found).toEqual([])
  })
})
