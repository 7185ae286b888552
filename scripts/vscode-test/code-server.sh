#!/usr/bin/env bash
# The "VS Code executable" handed to @vscode/test-electron's runTests on machines without a
# desktop VS Code: runs the real VS Code server in headless Chromium (see launch.mjs).
exec node "$(dirname "$0")/launch.mjs" "$@"
