// Did-you-mean for the CLI's own words (option names, formats, rule ids): the core's one definition.
export { suggest as didYouMean } from '../api/index.js';
