/** Integration suite in an untrusted workspace: training must refuse, hovers still work. */
import { runSuite } from '../mochaEntry';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
