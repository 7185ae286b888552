/**
 * mocha's browser build, set up before any suite is loaded: the suites call the BDD globals
 * (`describe`, `it`) when their modules run, as the Node integration suites do.
 */
// Installs the global `mocha` (on `self` in the worker); see buildWebTests.mjs for how it is bundled.
import 'mocha/mocha';
import { GREP } from './constants';

// No reporter given: mocha's browser build then uses `spec`, whose console output the workbench
// forwards to the launcher (codeAutomationLog), as with the Node host.
mocha.setup({ ui: 'bdd', reporter: undefined, color: false, timeout: 30_000, ...(GREP ? { grep: GREP } : {}) });
