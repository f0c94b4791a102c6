/**
 * jest takes `testTimeout` only from the top of its config (jest-circus reads the global config): one set on a
 * project is silently ignored, and that project's tests and hooks fail at 5 s on a busy machine. A project that needs
 * more sets it in its setupFilesAfterEnv (tests/api/support/jest-setup.ts, tests/support/browser-setup.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../jest.config.js') as { projects: Record<string, unknown>[] }

test('no jest project sets testTimeout (it would be ignored); the API and browser projects set theirs in a setup file', () => {
  expect(config.projects.filter((p) => 'testTimeout' in p).map((p) => p.displayName)).toEqual([])
  const setup = (name: string) =>
    (config.projects.find((p) => p.displayName === name)?.setupFilesAfterEnv as string[] | undefined) ?? []
  expect(setup('api')).toEqual(['<rootDir>/tests/api/support/jest-setup.ts'])
  expect(setup('browser')).toEqual(['<rootDir>/tests/support/browser-setup.ts'])
})
