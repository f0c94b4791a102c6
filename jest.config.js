// One jest run, several projects: `npm run test:<project>` picks one; scripts/test-all.ts runs them in order.
const path = require('node:path')

const moduleNameMapper = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@contract/(.*)$': '<rootDir>/types/$1',
  '^@domain/(.*)$': '<rootDir>/domain/$1',
}

const base = {
  rootDir: __dirname,
  transform: { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }] },
  moduleNameMapper,
  testEnvironment: 'node',
}

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.tsx'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/tests/support/taro-node.ts',
        '^@tarojs/components$': '<rootDir>/tests/support/components-stub.tsx',
        '\\.(scss|css)$': '<rootDir>/tests/support/style-stub.ts',
      },
    },
    {
      ...base,
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      // Each test starts its own server and hashes real passwords: 30 s a test (jest ignores a project's testTimeout).
      setupFilesAfterEnv: ['<rootDir>/tests/api/support/jest-setup.ts'],
      // The real API client runs in Node, with Taro.request over fetch.
      moduleNameMapper: { ...moduleNameMapper, '^@tarojs/taro$': '<rootDir>/tests/support/taro-node.ts' },
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/ensure-h5-build.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/browser-setup.ts'],
    },
    { ...base, displayName: 'mini', testMatch: ['<rootDir>/tests/mini/**/*.test.ts'] },
    { ...base, displayName: 'host', testMatch: ['<rootDir>/tools/miniprogram-host/test/**/*.test.ts'] },
    { ...base, displayName: 'bridge', testMatch: ['<rootDir>/tools/automator-bridge/test/**/*.test.ts'] },
    {
      ...base,
      displayName: 'automator',
      testMatch: ['<rootDir>/tests/automator/**/*.spec.ts'],
      // One launch per run (mock server, H5 build, bridge or devtools); spec files connect to it.
      globalSetup: '<rootDir>/tests/automator/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/automator/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/automator/support/jest-setup.ts'],
    },
  ],
}
