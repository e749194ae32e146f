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
