// Lint rules also keep the layers apart: the pure core may not reach for the clock, Math.random, Node or the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureFolders = [
  'src/format/**',
  'src/sim/**',
  'src/scenario/**',
  'src/analysis/**',
  'src/evidence/**',
  'src/io/**',
];

/** What no pure folder imports: Node, the UI and worker plumbing, and the floors above the core. */
const pureImportPatterns = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'],
    message: 'The core is pure: no Node API.',
  },
  {
    group: ['react', 'react-dom', 'comlink', '@observablehq/plot'],
    message: 'The core does not import UI or worker plumbing.',
  },
  {
    group: ['**/app/**', '**/cli/**', '**/workers/**'],
    message: 'Imports go one way: format ← sim ← scenario ← analysis ← {evidence, io} ← {app, workers, cli}.',
  },
];

/** A relative import that climbs out of its folder into one of `folders` (at any depth). */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})/`, message });

/**
 * The floors of the core, each with what it may not import besides `pureImportPatterns` (one rule entry per file, so
 * each floor repeats the shared patterns: a later config would replace, not extend, an earlier rule's options).
 */
const floors = [
  {
    files: ['src/format/**'],
    patterns: [
      {
        regex: '^\\.\\./',
        message:
          'src/format is the lowest floor (escaping, CSV, the report shell, zip): it imports nothing but itself.',
      },
    ],
  },
  {
    files: ['src/sim/**', 'src/scenario/**', 'src/analysis/**'],
    patterns: [into(['evidence', 'io', 'node', 'lib'], 'The core imports nothing above it.')],
  },
  {
    files: ['src/evidence/**'],
    patterns: [into(['io', 'node', 'lib'], 'evidence and io are siblings: what both need lives in src/format.')],
  },
  {
    files: ['src/io/**'],
    patterns: [into(['evidence', 'node', 'lib'], 'io and evidence are siblings: what both need lives in src/format.')],
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-lib', 'test-artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      '**/*.mjs',
      '**/*.js',
      'scripts/**',
      'bench/**',
      'test/**',
      'src/cli/**',
      'src/lib/**',
      'src/node/**',
      'bin/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/app/**', 'workers/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The library and the Node floor (worker-thread pool) sit below the command line: neither may import it.
    files: ['src/lib/**', 'src/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/app/**'], message: 'src/lib and src/node sit below the CLI and the app.' },
          ],
        },
      ],
    },
  },
  {
    files: pureFolders,
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a named seedrandom stream (src/sim/random.ts).' },
        { object: 'Date', property: 'now', message: 'The core has no clock.' },
        { object: 'performance', property: 'now', message: 'The core has no clock.' },
        ...[
          'log',
          'log2',
          'log10',
          'log1p',
          'exp',
          'expm1',
          'pow',
          'sin',
          'cos',
          'tan',
          'atan',
          'atan2',
          'hypot',
          'cbrt',
        ].map((property) => ({
          object: 'Math',
          property,
          message: 'Not bit-identical across JavaScript engines: use src/sim/detMath.ts or basic arithmetic.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='**']",
          message: 'Exponentiation is not bit-identical across JavaScript engines: multiply, or use detMath.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The core has no clock.' },
        { name: 'setTimeout', message: 'The core has no timers.' },
        { name: 'setInterval', message: 'The core has no timers.' },
        { name: 'window', message: 'The core has no DOM.' },
        { name: 'document', message: 'The core has no DOM.' },
        { name: 'process', message: 'The core has no Node API.' },
      ],
    },
  },
  ...floors.map(({ files, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [...pureImportPatterns, ...patterns] }] },
  })),
);
