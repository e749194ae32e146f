import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';

/**
 * Returns newscorpus.yaml source with `value` added to the list at `path` (e.g. ['boilerplate', 'keep']),
 * keeping comments and layout of the rest. Returns undefined when the file has syntax errors
 * (the caller tells the user rather than overwrite a file it cannot read).
 */
export function addToConfigList(source: string, path: string[], value: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length) return undefined;
  const root = doc.contents as unknown;
  const emptyRoot = root === null || (typeof root === 'object' && (root as { value?: unknown }).value === null);
  if (!isMap(root)) {
    if (!emptyRoot) return undefined;
    (doc as { contents: unknown }).contents = doc.createNode({});
  }
  const existing = doc.getIn(path);
  if (existing === undefined || existing === null) {
    doc.setIn(path, doc.createNode([value]));
  } else if (isSeq(existing)) {
    if (!(existing as YAMLSeq).items.some((i) => String((i as { value?: unknown }).value) === value)) (existing as YAMLSeq).add(doc.createNode(value));
  } else {
    return undefined;
  }
  return doc.toString();
}

/** The content of a fresh newscorpus.yaml, with every setting explained. */
export function defaultConfigSource(): string {
  return `# News Corpus Annotator: this folder is a news corpus.
# Every .txt file matched below opens as a news article (language "news-article").
include:
  - "**/*.txt"
exclude:
  - "**/node_modules/**"

# The article date anchors relative dates ("last Tuesday", "in May the following year").
articleDate:
  from: text          # text: read it from the article; filename: YYYY-MM-DD in the file name; map: only the map below
  map: {}             # "folder/file.txt": 2025-11-10
  # fallback: 2025-01-01

entities:
  kinds: [person, organization, place, other]

boilerplate:
  enabled: true
  threshold: 0.5      # findings below this confidence are not shown (0..1)
  categories: {}      # e.g. template: false, byline: false
  phrases: []         # extra literal phrases that mark a line as boilerplate
  patterns: []        # extra regular expressions (only used in a trusted workspace)
  keep: []            # lines kept as article text by "Keep as article" (normalised)

labels: []            # annotation labels beyond PER, ORG, LOC, MISC
`;
}
