import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

/**
 * `gdTutor.language` in the real editor: with "en" no Hangul reaches the learner from hovers,
 * the glossary quick pick, the English walkthrough, the diagnosis of a run or the training
 * summary and notifications; with "ko" the same places are Korean (so the "en" checks are not
 * vacuous). What the extension hands to VS Code's window API (quick pick items, status bar
 * message, notifications) is observed by wrapping those functions of the `vscode` module, which
 * the extension and this suite share; the calls still go through to the real UI.
 */

/** Hangul syllables, jamo and compatibility jamo. */
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/;

interface Finding {
  code: string;
  ko: string;
  en: string;
  glossary: string;
}
interface Api {
  train(file: vscode.Uri, options?: object): Promise<{ params: number[][] } | undefined>;
  lastDiagnosis(file: vscode.Uri): Finding[] | undefined;
  explain(term: string): { ko: string; en: string; markdown: string } | undefined;
}
interface QuickPickItemLike {
  label: string;
  description?: string;
  detail?: string;
  entry?: { id: string };
}
type Lang = 'ko' | 'en';

const EXTENSION_ID = 'gdtutor.gradient-descent-tutor';
const ext = () => vscode.extensions.getExtension(EXTENSION_ID) as vscode.Extension<Api>;
const folder = () => (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri;
const file = (...p: string[]) => vscode.Uri.joinPath(folder(), ...p);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lines of `text` that hold Hangul (for the failure message), or [] when there is none. */
function hangulLines(text: string): string[] {
  return text.split('\n').filter((l) => HANGUL.test(l));
}

function assertNoHangul(text: string, where: string): void {
  const lines = hangulLines(text);
  assert.deepEqual(lines, [], `${where} shows Hangul in English mode:\n${lines.join('\n')}`);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function setLanguage(lang: Lang | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('gdTutor').update('language', lang, vscode.ConfigurationTarget.Global);
  // The extension applies the setting on onDidChangeConfiguration: wait until it has (the head
  // term of a glossary entry is in the tutor's language; its text is what the tests check).
  const head = lang === 'en' ? '**learning rate**' : '**학습률**';
  await waitFor(
    () => ext().exports.explain('learningRate')?.markdown.startsWith(head) || undefined,
    `the language ${lang ?? 'ko (default)'}`,
  );
}

/**
 * Replaces `vscode.window[name]` with a wrapper that records each call's arguments and calls the
 * real function; returns the calls and the undo.
 */
function spy(
  name: 'showQuickPick' | 'setStatusBarMessage' | 'withProgress' | 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage',
): { calls: unknown[][]; restore: () => void } {
  const window = vscode.window as unknown as Record<string, (...args: unknown[]) => unknown>;
  const real = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    calls.push(args);
    if (name === 'withProgress' && typeof args[1] === 'function') {
      // Record the notification's progress messages too, as further calls ([{ title: message }]).
      const task = args[1] as (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => unknown;
      const wrapped = (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) =>
        task({ report: (value) => (calls.push([{ title: value.message ?? '' }]), progress.report(value)) }, token);
      return real.call(vscode.window, args[0], wrapped);
    }
    return real.apply(vscode.window, args);
  };
  return { calls, restore: () => void (window[name] = real) };
}

/** All hover text at a position, from every provider (ours, the operation notes, TypeScript's). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = ((await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) as vscode.Hover[]) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** Titles and tooltips of the CodeLenses of a file. */
async function codeLensText(uri: vscode.Uri): Promise<string[]> {
  const lenses = ((await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 10)) as vscode.CodeLens[]) ?? [];
  return lenses.filter((l) => l.command?.command.startsWith('gdTutor.')).flatMap((l) => [l.command?.title ?? '', l.command?.tooltip ?? '']);
}

/** Every identifier of the document with its position. */
function identifiers(doc: vscode.TextDocument): Array<{ word: string; at: vscode.Position }> {
  const out: Array<{ word: string; at: vscode.Position }> = [];
  for (let line = 0; line < doc.lineCount; line++) {
    for (const m of doc.lineAt(line).text.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g))
      out.push({ word: m[0], at: new vscode.Position(line, (m.index ?? 0) + 1) });
  }
  return out;
}

/** The glossary quick pick, as shown: its items and options, and the entry page opened by accepting the first row. */
async function glossaryPicker(): Promise<{
  items: QuickPickItemLike[];
  options: vscode.QuickPickOptions;
  picked: { id: string } | undefined;
  page: string;
}> {
  const quickPick = spy('showQuickPick');
  try {
    const shown = vscode.commands.executeCommand<{ id: string } | undefined>('gdTutor.showGlossary');
    await waitFor(() => quickPick.calls.length > 0 || undefined, 'the glossary quick pick');
    const [items, options] = quickPick.calls[0] as [QuickPickItemLike[] | Thenable<QuickPickItemLike[]>, vscode.QuickPickOptions];
    const resolved = await items;
    // Accept the selected (first) row in the real quick pick; the command then opens that entry's page.
    let picked: { id: string } | undefined;
    const accepted = (async () => (picked = await shown))();
    for (let i = 0; i < 50 && picked === undefined; i++) {
      await sleep(200);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([accepted, sleep(300)]);
    }
    await accepted;
    const page = picked
      ? await waitFor(
          () =>
            vscode.workspace.textDocuments
              .find((d) => d.isUntitled && d.languageId === 'markdown' && d.getText().startsWith(`**${resolved[0].label}**`))
              ?.getText(),
          'the entry page',
        )
      : '';
    return { items: resolved, options, picked, page };
  } finally {
    quickPick.restore();
  }
}

/** A tiny evaluator for the `when` clauses we contribute: `config.X == v`, `!=`, `&&`, `||`. */
function evaluateWhen(when: string): boolean {
  const term = (t: string): boolean => {
    const m = t.trim().match(/^config\.([\w.]+)\s*(==|!=)\s*'?([\w.-]+)'?$/);
    if (!m) throw new Error(`unsupported when clause: ${t}`);
    const [, key, op, value] = m;
    const actual = String(vscode.workspace.getConfiguration().get(key));
    return op === '==' ? actual === value : actual !== value;
  };
  return when.split('||').some((or) => or.split('&&').every(term));
}

interface Walkthrough {
  id: string;
  title: string;
  description: string;
  when?: string;
  steps: Array<{
    id: string;
    title: string;
    description: string;
    media: { markdown?: string; image?: string; svg?: string; altText?: string };
  }>;
}

function walkthroughs(): Walkthrough[] {
  return (ext().packageJSON as { contributes: { walkthroughs: Walkthrough[] } }).contributes.walkthroughs;
}

describe('learner language (gdTutor.language)', function () {
  this.timeout(180_000);
  let api: Api;
  let saved: string | undefined;

  before(async () => {
    api = await ext().activate();
    saved = vscode.workspace.getConfiguration('gdTutor').inspect<string>('language')?.globalValue;
  });
  after(async () => {
    await setLanguage(saved as Lang | undefined);
  });

  describe('English mode shows no Hangul', () => {
    before(async () => {
      await setLanguage('en');
    });

    it('hovers on every identifier of a loss file, after a run (glossary, live values, operation notes)', async () => {
      const uri = file('language-sample.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.ok(await api.train(uri), 'the sample trains');
      // The operation hovers come from a graph computed after the run: wait for one.
      const minus = new vscode.Position(3, doc.lineAt(3).text.indexOf('w - ') + 2);
      await waitFor(async () => /\*\*Operation `/.test(await hoverText(uri, minus)) || undefined, 'an operation hover on `-`', 30_000);
      for (const { word, at } of identifiers(doc))
        assertNoHangul(await hoverText(uri, at), `the hover on \`${word}\` (line ${at.line + 1})`);
      const at = (word: string, line: number) => new vscode.Position(line, doc.lineAt(line).text.indexOf(word) + 1);
      assert.match(await hoverText(uri, at('learningRate', 8)), /\*\*learning rate\*\*/i);
      assert.match(await hoverText(uri, at('learningRate', 8)), /Last run/);
      assert.match(await hoverText(uri, at('gradient', 3)), /\*\*gradient\*\*/i);
      assert.match(await hoverText(uri, at('localMinimum', 2)), /\*\*local minimum\*\*/i);
      assert.match(await hoverText(uri, at('momentum', 8)), /\*\*momentum\*\*/i);
      // The same for every operator (the operation notes of the last graph).
      for (let line = 0; line < doc.lineCount; line++) {
        for (const m of doc.lineAt(line).text.matchAll(/[-+*]/g))
          assertNoHangul(await hoverText(uri, new vscode.Position(line, m.index ?? 0)), `the hover on \`${m[0]}\` (line ${line + 1})`);
      }
      // The CodeLens above `loss`.
      const lenses = await codeLensText(uri);
      assert.ok(lenses.length >= 2, 'the Train and Loss surface lenses');
      assertNoHangul(lenses.join('\n'), 'the CodeLens');
    });

    it('the glossary quick pick: title, placeholder, every row, and the page of the accepted row', async () => {
      const { items, options, picked, page } = await glossaryPicker();
      assert.ok(items.length > 50, `the picker lists the glossary (${items.length} rows)`);
      assertNoHangul(`${options.title ?? ''}\n${options.placeHolder ?? ''}`, 'the quick pick title or placeholder');
      for (const item of items)
        assertNoHangul(`${item.label}\n${item.description ?? ''}\n${item.detail ?? ''}`, `the quick pick row ${item.entry?.id}`);
      assert.equal(picked?.id, items[0].entry?.id, 'accepting the first row opens its entry');
      assertNoHangul(page, `the glossary page of ${picked?.id}`);
    });

    it('the English walkthrough: shown (its when clause), its strings resolved, its pages English', async () => {
      const all = walkthroughs();
      const en = all.find((w) => w.id === 'gdTutor.learnGradientDescentEn');
      const ko = all.find((w) => w.id === 'gdTutor.learnGradientDescent');
      assert.ok(en && ko, 'both walkthroughs are contributed');
      assert.ok(en.when && evaluateWhen(en.when), `the English walkthrough is shown: ${en.when}`);
      assert.ok(ko.when && !evaluateWhen(ko.when), `the Korean walkthrough is hidden: ${ko.when}`);
      const strings = [en.title, en.description, ...en.steps.flatMap((s) => [s.title, s.description, s.media.altText ?? ''])];
      for (const s of strings) assert.ok(!/^%.*%$/.test(s), `unresolved NLS key ${s}`);
      assertNoHangul(strings.join('\n'), 'the English walkthrough’s title, description or steps');
      assert.equal(en.steps.length, 9);
      for (const step of en.steps) {
        const media = step.media.markdown ?? step.media.svg ?? step.media.image;
        assert.ok(media, `${step.id} has a page`);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext().extensionUri, media)));
        assertNoHangul(text, media);
      }
    });

    it('the diagnosis of finished runs (learning-rate.ts, plateau.ts) and its glossary links', async () => {
      for (const name of ['learning-rate.ts', 'plateau.ts']) {
        const uri = file('examples', name);
        await api.train(uri);
        const findings = api.lastDiagnosis(uri);
        assert.ok(findings?.length, `${name} is diagnosed`);
        for (const f of findings) {
          assertNoHangul(f.en, `the ${f.code} diagnosis of ${name}`);
          assertNoHangul(api.explain(f.glossary)?.markdown ?? '', `the glossary link ${f.glossary} of the ${f.code} diagnosis`);
        }
      }
    });

    it('the training summary, progress notification and a learner error', async () => {
      const spies = (
        ['setStatusBarMessage', 'withProgress', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const
      ).map((n) => ({ name: n, ...spy(n) }));
      try {
        // A long run, so the progress notification appears (after 700 ms).
        await api.train(file('examples', 'plateau.ts'), { steps: 20_000 });
        await api.train(file('language-sample.ts'));
        const broken = file('syntax-error.ts');
        assert.equal(await api.train(broken), undefined);
        const diagnostics = await waitFor(() => {
          const d = vscode.languages.getDiagnostics(broken).filter((x) => x.source === 'gdTutor');
          return d.length ? d : undefined;
        }, 'the syntax error diagnostic');
        for (const d of diagnostics) assertNoHangul(d.message, 'the syntax error diagnostic');
        const shown = (n: string) => spies.find((s) => s.name === n)?.calls ?? [];
        assert.ok(shown('setStatusBarMessage').length >= 2, 'the summary is shown in the status bar');
        assert.ok(shown('showErrorMessage').length >= 1, 'the error is notified');
        console.log(`      (observed: ${spies.map((s) => `${s.name} ×${s.calls.length}`).join(', ')})`);
        for (const s of spies) {
          for (const args of s.calls) {
            const text = s.name === 'withProgress' ? String((args[0] as vscode.ProgressOptions).title ?? '') : String(args[0]);
            assertNoHangul(text, `${s.name}(…)`);
          }
        }
      } finally {
        for (const s of spies) s.restore();
      }
    });
  });

  describe('Korean mode shows Korean in the same places', () => {
    before(async () => {
      await setLanguage('ko');
    });

    it('hovers, the glossary quick pick, the Korean walkthrough, the diagnosis, the summary and errors', async () => {
      const uri = file('language-sample.ts');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.ok(await api.train(uri));
      const at = (word: string, line: number) => new vscode.Position(line, doc.lineAt(line).text.indexOf(word) + 1);
      assert.match(await hoverText(uri, at('learningRate', 8)), /\*\*학습률\*\*/);
      assert.match(await hoverText(uri, at('learningRate', 8)), /지난 학습/);
      assert.match(await hoverText(uri, at('gradient', 3)), /\*\*기울기\*\*/);
      assert.match(await hoverText(uri, at('localMinimum', 2)), /\*\*국소 최솟값\*\*/);

      const { items, options, page } = await glossaryPicker();
      assert.ok(HANGUL.test(options.placeHolder ?? ''), `placeholder: ${options.placeHolder}`);
      assert.ok(
        items.every((i) => HANGUL.test(i.detail ?? '')),
        'every row is explained in Korean',
      );
      assert.ok(items.filter((i) => HANGUL.test(i.label)).length > items.length * 0.8, 'the rows are labelled with Korean terms');
      assert.ok(HANGUL.test((await codeLensText(uri)).join('\n')), 'the CodeLens is Korean');
      assert.ok(HANGUL.test(page), 'the entry page is Korean');

      const all = walkthroughs();
      const en = all.find((w) => w.id === 'gdTutor.learnGradientDescentEn');
      const ko = all.find((w) => w.id === 'gdTutor.learnGradientDescent');
      assert.ok(en?.when && !evaluateWhen(en.when), 'the English walkthrough is hidden');
      assert.ok(ko?.when && evaluateWhen(ko.when), 'the Korean walkthrough is shown');
      assert.ok(HANGUL.test(ko.title) && ko.steps.every((s) => HANGUL.test(s.title)));
      for (const step of ko.steps) {
        const text = new TextDecoder().decode(
          await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext().extensionUri, step.media.markdown ?? '')),
        );
        assert.ok(HANGUL.test(text), `${step.media.markdown} is Korean`);
      }

      const lr = file('examples', 'learning-rate.ts');
      await api.train(lr);
      assert.match(api.lastDiagnosis(lr)?.[0]?.ko ?? '', /발산/);

      const status = spy('setStatusBarMessage');
      const errors = spy('showErrorMessage');
      try {
        assert.ok(await api.train(uri), 'the sample trains');
        await api.train(file('syntax-error.ts'));
        assert.ok(
          status.calls.some((c) => HANGUL.test(String(c[0]))),
          `the summary is Korean: ${status.calls.map((c) => c[0]).join(' | ')}`,
        );
        assert.ok(
          errors.calls.some((c) => HANGUL.test(String(c[0]))),
          'the error is Korean',
        );
      } finally {
        status.restore();
        errors.restore();
      }
    });
  });
});
