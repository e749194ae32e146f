// Include/exclude globs of newscorpus.yaml, matched against corpus-relative paths with forward slashes.

const cache = new Map<string, RegExp>();

/** Converts a glob (**, *, ?, {a,b}) to a RegExp over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const out = new RegExp('^' + re + '$');
  if (cache.size > 500) cache.clear();
  cache.set(glob, out);
  return out;
}

/** Whether a corpus-relative path is an article of the corpus under include/exclude. */
export function isCorpusArticle(relPath: string, include: string[], exclude: string[]): boolean {
  const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p.startsWith('../') || !/\.txt$/i.test(p)) return false;
  const matches = (g: string) => globToRegExp(g).test(p) || (!g.includes('/') && globToRegExp(g).test(p.split('/').pop()!));
  return include.some(matches) && !exclude.some(matches);
}

/**
 * The folders whose newscorpus.yaml decides whether a document is a corpus article, and of which
 * corpus: each folder from the workspace folder `root` down to the document's own, as paths with
 * forward slashes (the nearest last). None for a document outside `root` or under node_modules (the
 * workspace search for corpora leaves node_modules out too).
 */
export function foldersAbove(root: string, docPath: string): string[] {
  const base = root.replace(/\/+$/, '');
  if (!docPath.startsWith(base + '/')) return [];
  const between = docPath.slice(base.length + 1).split('/').slice(0, -1);
  if (between.includes('node_modules')) return [];
  const out = [base];
  for (const part of between) if (part) out.push(out[out.length - 1] + '/' + part);
  return out;
}
