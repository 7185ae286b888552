/**
 * The CLI's language: `--lang ko|en`, else the environment's locale — the first non-empty of
 * LC_ALL, LC_MESSAGES and LANG (POSIX precedence): English when it starts with "en", Korean
 * otherwise (Korean is the tutor's first language, so C, POSIX or an unset locale mean Korean).
 */
import type { Language } from '../l10n/localize';

export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'ko';
}
