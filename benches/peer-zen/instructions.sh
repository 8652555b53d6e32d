#!/usr/bin/env bash
# Instructions a case of rouxing's assess + recommend and of the ZEN table,
# counted by callgrind: (run with N = 100) − (run with N = 0), over 20 × 100.
set -euo pipefail
cd "$(dirname "$0")"
command -v valgrind >/dev/null || { sudo apt-get install -y valgrind 2>/dev/null || apt-get install -y valgrind; }
cargo build --release --quiet
bin=target/release/peer-zen
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" count "$1" "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
declare -A per
for w in rouxing zen; do
  base=$(ir "$w" 0); full=$(ir "$w" 100)
  per[$w]=$(( (full - base) / 2000 ))
  echo "$w: ${per[$w]} instructions a case"
done
python3 -c "print(f'ratio rouxing / ZEN: {${per[rouxing]} / ${per[zen]}:.3f}')"
