/**
 * Holds for any extension with a browser entry: the tests run in the web-worker extension host,
 * and the extension activates there from `browser` alone (the launcher's copy of the manifest
 * has no `main`, which would send it to the Node host).
 */
import * as vscode from 'vscode';
import { equal, ok } from './check';
import { hostFacts } from './hostFacts';
import { EXTENSION_ID, extension } from './helpers';

describe('the web-worker extension host', () => {
  it('runs the tests in a web worker, not in Node', () => {
    ok(!hostFacts.nodeProcess, 'Node’s process (process.versions.node) is a global: this is the Node extension host');
    ok(!hostFacts.nodeFs, 'require("fs") gave Node’s file system: this is the Node extension host');
    ok(hostFacts.workerScope, 'not a web worker’s global scope (importScripts, WorkerGlobalScope, no document)');
    ok(hostFacts.userAgent, 'navigator.userAgent is missing');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind (UIKind.Web = 2)');
  });

  it(`activates ${EXTENSION_ID} from its browser entry (its manifest has no main)`, async () => {
    // getExtension sees only the extensions of the calling host: finding it here places it in the web worker.
    const ext = extension();
    ok(typeof ext.packageJSON.browser === 'string', 'the manifest has no "browser" entry');
    equal(ext.packageJSON.main, undefined, 'the manifest’s "main" (the launcher tests a copy without it)');
    await ext.activate();
    equal(ext.isActive, true, 'ext.isActive after activate()');
  });
});
