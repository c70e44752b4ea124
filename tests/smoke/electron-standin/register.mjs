// Maps the specifier 'electron' to the stand-in beside this file, for a built main process run under Node.
import { register } from 'node:module';

register('./loader.mjs', import.meta.url);
