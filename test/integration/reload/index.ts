/** After-reload suite: runs in the same workbench after the trusted suite, once reloaded. */
import { runSuite } from '../mochaEntry';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
