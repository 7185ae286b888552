/**
 * Writes snippets/typescript.json and snippets/javascript.json from src/snippets/lossTemplates.ts.
 *   npx tsx scripts/generate-snippets.ts
 * A unit test fails when the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOSS_TEMPLATES, stripTypes } from '../src/snippets/lossTemplates';

export function snippetsJson(language: 'typescript' | 'javascript'): string {
  const out: Record<string, { prefix: string; description: string; body: string[] }> = {};
  for (const t of LOSS_TEMPLATES) {
    out[`${t.ko.name} (${t.en.name})`] = {
      prefix: t.prefix,
      // Korean first; the English name in parentheses for learners searching in English.
      description: `${t.ko.description} — ${t.en.description}`,
      body: language === 'typescript' ? t.body : t.body.map(stripTypes),
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'snippets');
  for (const lang of ['typescript', 'javascript'] as const) writeFileSync(path.join(dir, `${lang}.json`), snippetsJson(lang));
  console.log('snippets written');
}
