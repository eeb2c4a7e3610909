#!/usr/bin/env bash
# Installs or starts what the test suite needs beyond the JDK and Maven. Idempotent; a no-op
# when everything is present. Kept separate so that CI on a fresh machine and a developer's
# laptop run the same steps.
set -euo pipefail

# Headless Chromium (Debian's `chromium`) for the auditor dashboard's page test. Installed on CI
# (CI=true) or when asked (VIREX_INSTALL_TEST_DEPS=1); elsewhere the test is skipped without it.
if [[ ! -x /usr/bin/chromium ]] && [[ "${CI:-}" == "true" || "${VIREX_INSTALL_TEST_DEPS:-}" == "1" ]]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "virex: installing chromium for the dashboard's page test (apt-get)"
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    log=$(mktemp)
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >"$log" 2>&1; then
      tail -n 20 "$log" >&2
      echo "virex: could not install chromium; the dashboard's page test will fail on CI" >&2
    fi
    rm -f "$log"
  else
    echo "virex: no apt-get to install chromium; the dashboard's page test needs /usr/bin/chromium" >&2
  fi
fi
exit 0
