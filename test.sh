#!/usr/bin/env bash
# The test command of README.md, on a fresh machine as in CI (.ci/run runs exactly this): installs the Debian
# packages the tests need when they are missing, then builds everything and runs every test (./mvnw -B verify).
# Arguments go on to Maven, e.g. ./test.sh -pl local-stack -am for one module and those it needs.
set -euo pipefail
cd "$(dirname "$0")"

# The Debian packages the tests run, one list; a package joins it with a line saying what for:
#   prometheus  promtool and a real Prometheus for the deploy checks (e2e DeployChecksIT)
#   libreoffice-writer-nogui  prints the bulletin's and the 提示函's DOCX to PDF as a reader opens them (notice-service *DocumentRenderingIT)
#   fonts-noto-cjk  the CJK fonts those documents fall back to on Linux (Noto Serif/Sans CJK SC for the 公文 fonts)
#   poppler-utils  pdftotext -layout reads the printed pages back for those checks
#   chromium  headless browser that shows the documents' HTML for the overflow check and screenshot
#   chromium-driver  chromedriver, through which Selenium drives that chromium
#   chromium-l10n  chromium's zh-CN locale: the console's month and date inputs read 2020年09月 in the screenshots
PACKAGES=(prometheus libreoffice-writer-nogui fonts-noto-cjk poppler-utils chromium chromium-driver chromium-l10n)

warn() { printf 'test.sh: %s\n' "$*" >&2; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q ' installed$' || missing+=("$package")
    done
else
    missing=("${PACKAGES[@]}")
fi

# Root runs it as it is; anyone else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ${#missing[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        warn "warning: no apt-get here; install Debian's ${missing[*]} by hand, or the tests that need them fail"
    elif [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
        warn "warning: installing ${missing[*]} needs root or sudo; the tests that need them fail without them"
    else
        echo "test.sh: installing Debian's ${missing[*]} for the tests"
        (as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
            && as_root env DEBIAN_FRONTEND=noninteractive \
                apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
            || warn "warning: could not install ${missing[*]}; the tests that need them fail"
        if [[ " ${missing[*]} " == *" prometheus "* ]]; then
            # the package starts a system Prometheus on 9090; the tests start their own
            (as_root systemctl stop prometheus 2>/dev/null || as_root service prometheus stop 2>/dev/null \
                || as_root pkill -x prometheus || true) >/dev/null 2>&1
        fi
    fi
fi

exec ./mvnw -B verify "$@"
