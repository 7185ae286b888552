/** Integration suite in a trusted workspace (the extension's everyday conditions). */
import { runSuite } from '../mochaEntry';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
