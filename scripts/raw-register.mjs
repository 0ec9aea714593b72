import { register } from 'node:module';

register('./raw-import.mjs', import.meta.url);
