/**
 * Writes docs/glossary.md — the term table (Korean ↔ English, one row per concept) generated from
 * the glossary, so the consistency of the Korean terms can be checked at a glance.
 *   npx tsx scripts/generate-glossary-doc.ts
 * A unit test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY } from '../src/hover/glossary';

export function glossaryDoc(): string {
  const rows = GLOSSARY.map(
    (e) =>
      `| ${e.ko} | ${e.en} | ${(e.koVariants ?? []).join(', ')} | ${[...e.identifiers, ...(e.abbreviations ?? [])].map((i) => `\`${i}\``).join(' ')} | ${(e.concepts ?? []).join(', ')} |`,
  );
  return [
    '# 용어표 · Glossary',
    '',
    'Generated from `src/hover/glossary/` by `scripts/generate-glossary-doc.ts`; do not edit by hand.',
    'One Korean term per concept (see [korean-terms.md](korean-terms.md)): the first column is the one spelling our text uses. The third column lists other spellings and related words that also call up the entry in a hover; the non-standard ones among them are never written in our own text.',
    'Every entry also has an English explanation, shown instead of the Korean one when `gdTutor.language` is `en`.',
    '',
    '| 한국어 | English | 함께 인식하는 표기 | code spellings | concepts.md |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(path.resolve(__dirname, '..', 'docs', 'glossary.md'), glossaryDoc());
  console.log('docs/glossary.md written');
}
