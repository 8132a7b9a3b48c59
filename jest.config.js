// Jest runs in ESM mode (Nest 12 and pdf.js are ESM-only): see README "Tests".
const aliases = ['config', 'database', 'storage', 'queue', 'pdf'];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(
      aliases.map((lib) => [`^@papermill/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`]),
    ),
    // The conversion sandbox alone, for a parent process that must not load the engine (the CLI).
    '^@papermill/pdf/sandbox$': '<rootDir>/libs/pdf/src/sandbox/index.ts',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        tsconfig: {
          module: 'esnext',
          moduleResolution: 'bundler',
          isolatedModules: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
        },
      },
    ],
  },
  testEnvironment: 'node',
};

export default {
  // A global option: Jest ignores it inside a project. End-to-end suites start real processes, whose hooks
  // take seconds on a loaded machine.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
