// Maps require('electron') to the stand-in beside this file, for the built (CommonJS) main process run
// under Node: `node --require ./register.cjs out/main/index.cjs`.
const Module = require('node:module');
const path = require('node:path');

const standin = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standin : resolve.call(this, request, ...rest);
};
