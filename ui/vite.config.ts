import { defineConfig } from 'vitest/config';

// The build lands in target/webroot; Maven copies it onto the class path as ipwatch-ui/, where casework-api serves
// it. Relative asset paths, so the portal works under any mount point; no source maps shipped.
export default defineConfig({
  base: './',
  build: { outDir: 'target/webroot', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  test: { include: ['src/app/**/*.test.ts'], environment: 'node' },
});
