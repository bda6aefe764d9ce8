// Plain CommonJS tests on Node, no transform: they run the built packages exactly as a Jest user gets them.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.spec.cjs'],
  transform: {},
  setupFilesAfterEnv: ['@switchyard/testing/jest'],
};
