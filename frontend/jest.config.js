/**
 * The widgets run against doubles of @edx/frontend-platform: its `i18n` is react-intl's surface
 * (what frontend-platform and frontend-base-compat re-export), `getConfig` a fixed configuration,
 * and `getAuthenticatedHttpClient` an axios-shaped fake each test programs (test/platform.js).
 */
module.exports = {
  testEnvironment: 'jsdom',
  // A busy two-core CI machine runs a whole user journey in a few seconds; the default 5 s is tight.
  testTimeout: 30000,
  roots: ['<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  moduleNameMapper: {
    '^@edx/frontend-platform/i18n$': 'react-intl',
    '^@edx/frontend-platform/auth$': '<rootDir>/test/platform.js',
    '^@edx/frontend-platform$': '<rootDir>/test/platform.js',
    '\\.(css|scss)$': '<rootDir>/test/style.js',
    '\\.svg$': '<rootDir>/test/file.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@openedx/paragon)'],
};
