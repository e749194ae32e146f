// Minimal, strict flag parser for the CLI and the project's scripts: --name value, --flag, and positionals.
export type ArgSpec = Record<string, 'string' | 'number' | 'boolean'>;
export interface ParsedArgs {
  _: string[];
  [name: string]: string | number | boolean | string[] | undefined;
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const type = spec[name];
    if (!type) throw new Error(`unknown option --${name} (known: ${Object.keys(spec).map((k) => '--' + k).join(', ')})`);
    if (type === 'boolean') {
      out[name] = true;
      continue;
    }
    const raw = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    if (type === 'number') {
      const v = Number(raw);
      if (!Number.isFinite(v)) throw new Error(`--${name} needs a number, got "${raw}"`);
      out[name] = v;
    } else out[name] = raw;
  }
  return out;
}

/**
 * Parses a subcommand's arguments; on a parse error prints it with the usage and returns 2, on
 * --help prints the usage and returns 0, so a command starts with:
 *   const opts = parseCommandArgs(args, spec, usage, io); if (typeof opts === 'number') return opts;
 */
export function parseCommandArgs(argv: string[], spec: ArgSpec, usage: string, io: { out(l: string): void; err(l: string): void }): ParsedArgs | number {
  let opts: ParsedArgs;
  try {
    opts = parseArgs(argv, { ...spec, help: 'boolean' });
  } catch (e) {
    io.err(`${(e as Error).message}\nusage: ${usage}`);
    return 2;
  }
  if (opts.help) {
    io.out(`usage: ${usage}`);
    return 0;
  }
  return opts;
}
