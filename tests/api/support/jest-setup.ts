/**
 * The API tests' time limit. Each test starts its own server and hashes real passwords (scrypt): on a busy 2-core
 * machine (npm test runs the API tests beside the typecheck, lint and builds) jest's 5 s is too short. Set here, in
 * the project's setupFilesAfterEnv, because jest takes `testTimeout` only from the top of its config: a project's
 * own `testTimeout` is ignored (jest-circus reads the global one), which let API tests fail at 5 s under load.
 */
jest.setTimeout(30_000)
