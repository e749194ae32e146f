// Minimal, strict flag parser for the project's scripts: --name value, --flag, and positionals.
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
