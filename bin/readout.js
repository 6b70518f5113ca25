#!/usr/bin/env node
import('../dist/src/cli/main.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err) => {
      console.error(`readout: ${err?.message ?? err}`);
      process.exitCode = 2;
    },
  );
