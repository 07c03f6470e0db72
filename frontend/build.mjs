// `npm run build` (make frontend): the package's dist/ for the MFEs, the browser bundle of the
// harness page the Chromium suite drives (tests/host/demo/static/demo/mfe-harness/), and the
// Author tool's code editor (author_certificates/static/author_certificates/js/code-editor.js).
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';

const jsx = { '.js': 'jsx', '.jsx': 'jsx' };

// Paragon reads its grid breakpoints from a Sass module's `:export` block (webpack's css-loader
// turns it into an object). Give esbuild that object: the `$grid-breakpoints` map of the file.
const sassExports = {
  name: 'paragon-sass-exports',
  setup(esbuild) {
    esbuild.onLoad({ filter: /_exports\.module\.scss$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const map = source.match(/\$grid-breakpoints:\s*\(([^)]*)\)/)[1];
      const sizes = Object.fromEntries(map.split(',').map((entry) => entry.split(':').map((part) => part.trim())));
      return { contents: `export default ${JSON.stringify(sizes)};`, loader: 'js' };
    });
  },
};

// The package: one ES module, JSX compiled, the host's React, Paragon and frontend-platform kept
// external (peer dependencies), so the MFE's webpack bundles a single copy of each.
await build({
  entryPoints: ['src/index.js'],
  outfile: 'dist/index.js',
  bundle: true,
  format: 'esm',
  target: 'es2019',
  jsx: 'automatic',
  loader: { ...jsx, '.json': 'json' },
  external: ['react', 'react-dom', 'react/jsx-runtime', '@openedx/paragon', '@edx/frontend-platform', '@edx/frontend-platform/*'],
  legalComments: 'none',
});

// The harness: everything bundled (React, Paragon, react-intl, axios, the widgets), with the
// platform's getConfig / getAuthenticatedHttpClient / i18n provided by harness/platform.js, and
// Paragon's compiled CSS next to it. Nothing from a CDN.
const harness = '../tests/host/demo/static/demo/mfe-harness';
await mkdir(harness, { recursive: true });
await build({
  entryPoints: ['harness/index.jsx'],
  outfile: `${harness}/harness.js`,
  bundle: true,
  format: 'iife',
  target: 'es2019',
  jsx: 'automatic',
  minify: true,
  loader: { ...jsx, '.json': 'json', '.svg': 'dataurl' },
  alias: {
    '@edx/frontend-platform/i18n': 'react-intl',
    '@edx/frontend-platform/auth': './harness/platform.js',
    '@edx/frontend-platform': './harness/platform.js',
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [sassExports],
  legalComments: 'none',
});

// The Author tool's code editor (CodeMirror 6), one classic script for the Studio page, committed
// into the Django package's static files so that pip users get it (docs/decisions/0115).
await build({
  entryPoints: ['editor/code-editor.js'],
  outfile: '../author_certificates/static/author_certificates/js/code-editor.js',
  bundle: true,
  format: 'iife',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  banner: { js: '/* author-certificates code editor: frontend/editor/code-editor.js built by make frontend. Bundles CodeMirror 6 and Lezer (MIT licence, https://codemirror.net). */' },
});

// axe-core for the accessibility tests (tests/browser/test_accessibility_axe.py), from the
// lockfile, vendored so that the tests never fetch it (test-only: not in the package).
const axe = '../tests/browser/vendor';
await mkdir(axe, { recursive: true });
await copyFile('node_modules/axe-core/axe.min.js', `${axe}/axe.min.js`);
await copyFile('node_modules/axe-core/LICENSE', `${axe}/axe-core-LICENSE.txt`);
const axeVersion = JSON.parse(await readFile('node_modules/axe-core/package.json', 'utf8')).version;
await writeFile(`${axe}/axe-core-VERSION`, `axe-core ${axeVersion}\n`);
console.log('built dist/index.js, the harness bundle, the code editor and the vendored axe-core');
