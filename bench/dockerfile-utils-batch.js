#!/usr/bin/env node
// Lints every file given on the command line with the dockerfile-utils library API
// (the same validate() call its CLI makes), in one Node process. The dockerfile-utils
// CLI takes one file per process; this is the "embedded in one process" lower bound.
// Prints one line: files and diagnostics counted. Exit 0 unless a file cannot be read.
'use strict';
const fs = require('fs');
const path = require('path');
const utils = require(path.join(__dirname, 'node', 'node_modules', 'dockerfile-utils'));

let files = 0;
let diagnostics = 0;
for (const file of process.argv.slice(2)) {
  const content = fs.readFileSync(file, 'utf8');
  diagnostics += utils.validate(content).length;
  files++;
}
console.log(JSON.stringify({ files, diagnostics }));
