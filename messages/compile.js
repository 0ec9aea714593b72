// `npm run i18n:compile`: writes src/lib/paraglide from the catalogues, as `vite dev`/`vite build` do.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';

await compile(paraglideOptions);
