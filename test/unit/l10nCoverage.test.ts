/**
 * Every string the extension passes to t() has a Korean translation in l10n/bundle.l10n.ko.json
 * (Korean is the default language: a missing entry would show English to a Korean learner).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'app' ? [] : sources(p); // the webview app gets its strings from the host
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** t('…') and t("…") with a literal first argument (escaped quotes unescaped). */
function literalKeys(text: string): string[] {
  const keys: string[] = [];
  const re = /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (let m = re.exec(text); m; m = re.exec(text)) keys.push((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
  return keys;
}

describe('l10n: Korean for every t() string', () => {
  it('finds each source string in bundle.l10n.ko.json', () => {
    const ko = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;
    const keys = new Set(sources(path.join(ROOT, 'src')).flatMap((f) => literalKeys(readFileSync(f, 'utf8'))));
    assert.ok(keys.size > 50, `only ${keys.size} strings found: the scan is broken`);
    const missing = [...keys].filter((k) => !(k in ko));
    assert.deepEqual(missing, []);
  });
});
