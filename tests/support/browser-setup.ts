/**
 * The browser tests' time limit (a file may set a longer one): each drives Chromium through the H5 build, which on a
 * busy 2-core machine takes far longer than jest's 5 s. Set in the project's setupFilesAfterEnv, because jest takes
 * `testTimeout` only from the top of its config and ignores a project's own.
 */
jest.setTimeout(60_000)
