// npm run build:recent-news : rebuilds test/fixtures/ner/recent-news/recent-news.conll from the
// hand-marked articles beside it (articles.txt), with the engine's tokenization.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markedToConll, parseMarkedArticles } from '../src/core/ner/markedText';

const dir = join(__dirname, '..', 'test', 'fixtures', 'ner', 'recent-news');
const articles = parseMarkedArticles(readFileSync(join(dir, 'articles.txt'), 'utf8'));
const conll = markedToConll(articles);
writeFileSync(join(dir, 'recent-news.conll'), conll + '\n');
const tokens = conll.split('\n').filter((l) => l && !l.startsWith('-DOCSTART-')).length;
const counts: Record<string, number> = {};
for (const a of articles) for (const s of a.spans) counts[s.type] = (counts[s.type] ?? 0) + 1;
console.log(`${articles.length} articles, ${tokens} tokens, entities ${JSON.stringify(counts)}`);
console.log(JSON.stringify({ articles: articles.length, tokens, ...counts }));
