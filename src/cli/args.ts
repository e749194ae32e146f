export { parseArgs } from '../../scripts/lib/args';
