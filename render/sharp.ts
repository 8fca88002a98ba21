/**
 * The only entry point to sharp in the project's rendering code. `./fonts.js` is imported
 * first so that `FONTCONFIG_FILE` is set before sharp (and with it fontconfig) is loaded.
 * sharp's operation cache is off: every render has new content, so it would only hold memory.
 */
import './fonts.js';

const { default: sharp } = await import('sharp');
sharp.cache(false);

export default sharp;
export type { Sharp } from 'sharp';
