/** The whole glossary, in the order of the seed notes. */
import type { GlossaryEntry } from '../glossaryTypes';
import { BASICS } from './basics';
import { LANDSCAPE } from './landscape';
import { NETWORKS } from './networks';
import { OPTIMIZER_ENTRIES } from './optimizers';
import { METHODS } from './methods';

export const GLOSSARY: readonly GlossaryEntry[] = [...BASICS, ...LANDSCAPE, ...NETWORKS, ...OPTIMIZER_ENTRIES, ...METHODS];

export function entryById(id: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.id === id);
}
