#!/usr/bin/env bash
# Builds dist/ from the committed src/ (HEAD) in a temporary worktree, so a dist/ commit matches
# its sources even while the working tree has other edits in progress.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
tree=$(mktemp -d)
git -C "$root" worktree add --detach "$tree" HEAD >/dev/null
# A hard-linked copy, not a symlink: the bundle names modules by their path relative to the project.
cp -al "$root/node_modules" "$tree/node_modules"
(cd "$tree" && node scripts/build.mjs dist >/dev/null && node scripts/check-dist.mjs >/dev/null)
rm -rf "$root/dist" && cp -r "$tree/dist" "$root/dist"
git -C "$root" worktree remove --force "$tree"
echo "dist/ rebuilt from $(git -C "$root" rev-parse --short HEAD)"
