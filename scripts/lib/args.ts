// The flag parser lives with the CLI (src/cli/args.ts); scripts use the same one.
export * from '../../src/cli/args';
