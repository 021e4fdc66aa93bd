/**
 * Every string of every language, for the server (rendering, mail, feeds) and tests. Being a
 * .server module it is empty in the browser bundle: a page gets only its language's strings,
 * through the root loader (docs/decisions/079).
 */
export { resources } from '../locales/index';
