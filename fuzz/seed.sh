#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the bundled data. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
c="$root/fuzz/corpus"
mkdir -p "$c"/{case,catalogue,catalogue_bin,regime,proposal,mechanism,record,holidays}
cp "$root"/examples/data/cases/*.json "$c/case/"
cp "$root"/examples/data/catalogue.json "$c/catalogue/"
# The compiled catalogue target overwrites the compiled bundled catalogue's
# document from an offset its first two bytes choose; a few such seeds.
for off in 0000 0100 1000; do printf "\\x${off:0:2}\\x${off:2:2}" > "$c/catalogue_bin/at-$off"; done
cp "$root"/examples/data/proposals/*.json "$c/proposal/" 2>/dev/null || true
cp "$root"/data/holidays/holidays-cn.json "$c/holidays/"
# The mechanism target reads its first byte as the kind of input.
for f in "$root"/examples/data/mechanisms/*.json; do
  for k in 0 1 2 3 4; do
    { printf "\\x0$k"; cat "$f"; } > "$c/mechanism/$k-$(basename "$f")"
  done
done
# Regimes and case files, as the library writes them.
cp "$root"/fuzz/seeds/regime/* "$c/regime/"
cp "$root"/fuzz/seeds/record/* "$c/record/"
