#!/usr/bin/env bash
# Installs an official Node.js build from the npm registry (the `node-<os>-<arch>` packages) into a folder, for
# machines whose own Node is too old. Needs only npm and tar. Usage: scripts/install-node.sh <major> [dir]
# (dir defaults to .node/<major>); prints the folder whose bin/ to put first on PATH.
set -euo pipefail
major=${1:?usage: scripts/install-node.sh <major> [dir]}
dir=${2:-"$(cd "$(dirname "$0")/.." && pwd)/.node/$major"}
case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "unsupported OS: $(uname -s)" >&2; exit 1 ;; esac
case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "unsupported CPU: $(uname -m)" >&2; exit 1 ;; esac
if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
  echo "$dir"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tarball=$(cd "$tmp" && npm pack --silent "node-$os-$arch@$major" | tail -n 1)
rm -rf "$dir" && mkdir -p "$dir"
tar xzf "$tmp/$tarball" -C "$dir" --strip-components=1
"$dir/bin/node" -v >&2
echo "$dir"
