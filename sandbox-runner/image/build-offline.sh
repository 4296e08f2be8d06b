#!/usr/bin/env bash
# Builds the kiln/sandbox-node image without a registry: a root filesystem assembled from this
# host's Node.js (and npm), the shared libraries they and common native addons need, and a static
# busybox, imported with `docker import`. Same layout and user as the production Dockerfile.
#   sandbox-runner/image/build-offline.sh [tag]   (default tag: kiln/sandbox-node:latest)
#   sandbox-runner/image/build-offline.sh --hash  (what the image would be labelled with)
# Needs: docker (with a running daemon), node, busybox (Debian: busybox-static), gcc with a static
# libc (Debian: gcc libc6-dev); Chromium is added when Debian's chromium is installed (.ci/run
# installs it).
set -euo pipefail
here=$(dirname "$0")
# The image changes with this script, the files it copies, and whether the host has Chromium.
SCRIPT_HASH=$( { cat "$0" "$here/egress-proxy.js" "$here/kiln-seccomp.c"; ls /usr/lib/chromium/chromium 2>/dev/null || true; } | sha256sum | cut -c1-16)
if [ "${1:-}" = "--hash" ]; then echo "$SCRIPT_HASH"; exit 0; fi
TAG=${1:-kiln/sandbox-node:latest}

need() { command -v "$1" >/dev/null || { echo "build-offline: '$1' is missing ($2)" >&2; exit 1; }; }
need docker "apt-get install -y docker.io"
need node "install Node.js"
need busybox "apt-get install -y busybox-static"
need gcc "apt-get install -y gcc libc6-dev"
docker info >/dev/null 2>&1 || { echo "build-offline: the Docker daemon does not answer" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,usr/bin,usr/lib,etc,tmp,scratch,workspace,deps,home/sandbox,proc,sys,dev,opt/kiln}
cp "$here/egress-proxy.js" "$root/opt/kiln/egress-proxy.js"
# The loader that stacks Kiln's system call filter on Docker's default profile for every command.
gcc -static -Os -Wall -Wextra -Werror -o "$root/opt/kiln/kiln-seccomp" "$here/kiln-seccomp.c"
chmod 1777 "$root/tmp"

# Node and npm.
node_bin=$(readlink -f "$(command -v node)")
cp "$node_bin" "$root/usr/bin/node"
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
mkdir -p "$root/usr/lib/node_modules"
cp -a "$npm_dir" "$root/usr/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/bin/npx"

# The libraries node links against, plus librt and libresolv for native addons (SWC, rolldown,
# lightningcss, Tailwind's oxide, sharp).
copy_lib() {
  local lib=$1
  [ -e "$lib" ] || return 0
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
}
for lib in $(ldd "$node_bin" | grep -oE '/[^ ]+'); do copy_lib "$lib"; done
for name in librt.so.1 libresolv.so.2 libnss_dns.so.2 libnss_files.so.2; do
  for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /lib; do
    [ -e "$dir/$name" ] && { copy_lib "$dir/$name"; break; }
  done
done

# Debian's Chromium for smoke tests (when installed: .ci/run installs it), with every library its
# binaries link against, NSS modules, fonts and their configuration.
if [ -x /usr/lib/chromium/chromium ]; then
  cp -a /usr/lib/chromium "$root/usr/lib/chromium"
  ln -s ../lib/chromium/chromium "$root/usr/bin/chromium"
  for elf in /usr/lib/chromium/chromium /usr/lib/chromium/chrome_crashpad_handler /usr/lib/chromium/*.so*; do
    { ldd "$elf" 2>/dev/null | grep -oE '/[^ ]+' || true; } | while read -r lib; do copy_lib "$lib"; done
  done
  for dir in /usr/lib/x86_64-linux-gnu/nss /etc/fonts /usr/share/fonts /usr/share/fontconfig; do
    [ -e "$dir" ] && { mkdir -p "$root$(dirname "$dir")"; cp -a "$dir" "$root$dir"; }
  done
  for name in libnss3.so libsoftokn3.so libfreebl3.so libfreeblpriv3.so libnssckbi.so; do
    for dir in /usr/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/nss; do
      [ -e "$dir/$name" ] && copy_lib "$dir/$name"
    done
  done
fi

# A shell and the usual tools, from a static busybox.
cp "$(readlink -f "$(command -v busybox)")" "$root/bin/busybox"
for applet in $(busybox --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
ln -s ../../bin/busybox "$root/usr/bin/env"   # for #!/usr/bin/env node scripts (npm, npx)

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
sandbox:x:1000:1000:sandbox:/home/sandbox:/bin/sh
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
sandbox:x:1000:
GROUP
echo "hosts: files dns" > "$root/etc/nsswitch.conf"
# The host's CA bundle, so TLS to the registry verifies the same way it does on the host.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  mkdir -p "$root/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
fi
chown -R 1000:1000 "$root/home/sandbox" "$root/workspace" "$root/scratch"

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/bin:/bin HOME=/home/sandbox NODE_ENV=development NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'USER 1000:1000' \
  --change 'WORKDIR /workspace' \
  --change 'CMD ["/bin/sh"]' \
  --change "LABEL dev.kiln.image-script=$SCRIPT_HASH" \
  - "$TAG" >/dev/null
docker run --rm --network none "$TAG" node -e 'console.log("kiln/sandbox-node ready: node " + process.version)'
