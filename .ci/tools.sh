# Sourced by .ci/run: the programs that tests use beside Java, from Debian's packages when missing: Chromium and
# its driver (PagesInBrowserIT opens the server's pages in them), curl and jq (ReadmeWalkthroughIT runs the
# README's walk-through with them). TWOFA_REQUIRE_TOOLS tells those tests that the programs are installed, so a
# missing one fails the build instead of skipping the test as it does on a developer's machine.

tools_missing=()
[ -x /usr/bin/chromium ] || tools_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || tools_missing+=(chromium-driver)
command -v curl >/dev/null 2>&1 || tools_missing+=(curl)
command -v jq >/dev/null 2>&1 || tools_missing+=(jq)
if [ ${#tools_missing[@]} -gt 0 ]; then
  echo "Installing ${tools_missing[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${tools_missing[@]}" >/dev/null
fi
export TWOFA_REQUIRE_TOOLS=1
echo "$(/usr/bin/chromium --version 2>/dev/null), $(jq --version), curl $(curl --version | awk 'NR==1{print $2}')"
