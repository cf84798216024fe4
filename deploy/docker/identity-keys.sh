#!/bin/sh
# compose's "identity" service: io.minxin.gateway.identity.IdentityKeys (generate | rotate | retire) on the gateway's
# key volume, then the public key set published to the services' volume. The command works on a copy and the files
# are published public first, signing second: a service knows a new key before the gateway signs with it.
set -eu
command=${1:-generate}
keys=/var/lib/minxin/identity
public=/var/lib/minxin/identity-public
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
for file in signing-keys.json public-keys.json; do
    [ -f "$keys/$file" ] && cp "$keys/$file" "$work/$file"
done
java -Dloader.main=io.minxin.gateway.identity.IdentityKeys org.springframework.boot.loader.launch.PropertiesLauncher \
    "$command" "$work"
# each file replaced by a rename, so a reader never sees half of one
publish() { cp "$1" "$2.new" && chmod "$3" "$2.new" && mv "$2.new" "$2"; }
publish "$work/public-keys.json" "$public/public-keys.json" 644
publish "$work/public-keys.json" "$keys/public-keys.json" 644
publish "$work/signing-keys.json" "$keys/signing-keys.json" 600
echo "identity: $command done; the services read $public/public-keys.json, the gateway $keys/signing-keys.json"
