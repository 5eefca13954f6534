#!/usr/bin/env bash
# Builds the Microsoft Teams app package (the zip to upload in Teams) from manifest.template.json and settings:
#
#   MICROSOFT_APP_ID=<Azure Bot app id> bash deploy/teams/build-package.sh
#
# Settings (environment variables):
#   MICROSOFT_APP_ID  required  the Azure Bot's Microsoft App ID, a GUID (no "28:" prefix); the bot's MicrosoftAppId
#   TEAMS_APP_ID      optional  the Teams app's own id (GUID); default: derived from MICROSOFT_APP_ID, the same on
#                               every run, so a rebuilt package updates the app instead of adding a second one
#   CLINIC_WEBSITE    optional  https URL of the clinic's site (default https://clinic.example, a placeholder)
#   PRIVACY_URL       optional  https URL of the privacy notice (default $CLINIC_WEBSITE/privacy)
#   TERMS_URL         optional  https URL of the terms of use (default $CLINIC_WEBSITE/terms)
#   APP_VERSION       optional  x.y.z (default 1.0.0); raise it for every package uploaded again
#   OUT_DIR           optional  where the zip goes (default deploy/teams/out)
#   SKIP_VALIDATION   optional  1: do not run the schema validator (tests/deploy) even when node is present
#
# Needs bash and python3; node and npm for the schema validation (skipped with a warning without node).
# Writes $OUT_DIR/clinic-assistant-teams.zip with manifest.json, color.png and outline.png at the root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out_dir="${OUT_DIR:-$here/out}"
package_name="clinic-assistant-teams.zip"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
warn() { printf 'warning: %s\n' "$*" >&2; }

guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
https_re='^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]"\\<>{}]*)?$'
semver_re='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'

command -v python3 >/dev/null 2>&1 || die "python3 is required (it renders the manifest and writes the zip)."

# --- settings -----------------------------------------------------------------------------------------------------
app_id="${MICROSOFT_APP_ID:-}"
[ -n "$app_id" ] || die "MICROSOFT_APP_ID is not set. Set it to the Azure Bot's Microsoft App ID (a GUID, the same value as the bot's MicrosoftAppId setting)."
case "$app_id" in
  28:*) die "MICROSOFT_APP_ID must be the app id without the \"28:\" prefix: use ${app_id#28:}" ;;
esac
[[ "$app_id" =~ $guid_re ]] || die "MICROSOFT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000, got \"$app_id\"."
app_id="$(printf '%s' "$app_id" | tr 'A-F' 'a-f')"

teams_app_id="${TEAMS_APP_ID:-}"
if [ -z "$teams_app_id" ]; then
  # A name-based (version 5) UUID: the same app id always gives the same Teams app id.
  teams_app_id="$(python3 -c 'import sys, uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "urn:pain-spine-institute:clinic-assistant:teams-app:" + sys.argv[1]))' "$app_id")" \
    || die "python3 could not derive TEAMS_APP_ID; set TEAMS_APP_ID to a GUID of your own."
  printf 'TEAMS_APP_ID not set: using %s, derived from MICROSOFT_APP_ID.\n' "$teams_app_id"
  printf '  Keep it (or keep MICROSOFT_APP_ID unchanged): Teams treats a package with another id as a different app.\n'
fi
[[ "$teams_app_id" =~ $guid_re ]] || die "TEAMS_APP_ID must be a GUID, got \"$teams_app_id\"."
teams_app_id="$(printf '%s' "$teams_app_id" | tr 'A-F' 'a-f')"
[ "$teams_app_id" != "$app_id" ] || warn "TEAMS_APP_ID equals MICROSOFT_APP_ID; that works, but a separate id is the usual choice."

website="${CLINIC_WEBSITE:-https://clinic.example}"
website="${website%/}"
privacy_url="${PRIVACY_URL:-$website/privacy}"
terms_url="${TERMS_URL:-$website/terms}"
for pair in "CLINIC_WEBSITE=$website" "PRIVACY_URL=$privacy_url" "TERMS_URL=$terms_url"; do
  name="${pair%%=*}" value="${pair#*=}"
  [[ "$value" =~ $https_re ]] || die "$name must be an https:// URL (no spaces or quotes), got \"$value\"."
done
[ -n "${CLINIC_WEBSITE:-}" ] || warn "CLINIC_WEBSITE not set: the package links to https://clinic.example (a placeholder). Set CLINIC_WEBSITE, PRIVACY_URL and TERMS_URL before uploading to the clinic's tenant."

app_version="${APP_VERSION:-1.0.0}"
[[ "$app_version" =~ $semver_re ]] || die "APP_VERSION must look like 1.0.0 (three numbers, no leading zeros), got \"$app_version\"."

# --- render -------------------------------------------------------------------------------------------------------
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

APP_VERSION="$app_version" TEAMS_APP_ID="$teams_app_id" MICROSOFT_APP_ID="$app_id" \
CLINIC_WEBSITE="$website" PRIVACY_URL="$privacy_url" TERMS_URL="$terms_url" \
python3 - "$here/manifest.template.json" "$stage/manifest.json" <<'PY' || die "could not render the manifest (see above)."
import json, os, re, sys

template, target = sys.argv[1], sys.argv[2]
names = ["APP_VERSION", "TEAMS_APP_ID", "MICROSOFT_APP_ID", "CLINIC_WEBSITE", "PRIVACY_URL", "TERMS_URL"]
with open(template, encoding="utf-8") as f:
    text = f.read()
for name in names:
    # json.dumps(...)[1:-1]: the value as it must appear inside a JSON string.
    text = text.replace("{{" + name + "}}", json.dumps(os.environ[name])[1:-1])
left = sorted(set(re.findall(r"\{\{[A-Za-z_]+\}\}", text)))
if left:
    sys.exit("error: the template has placeholders this script does not fill: " + ", ".join(left))
try:
    manifest = json.loads(text)
except json.JSONDecodeError as e:
    sys.exit(f"error: the rendered manifest is not valid JSON ({e}); check {template}")
with open(target, "w", encoding="utf-8", newline="\n") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")
PY

cp "$here/color.png" "$here/outline.png" "$stage/"

# --- validate -----------------------------------------------------------------------------------------------------
validator_dir="$repo/tests/deploy"
if [ "${SKIP_VALIDATION:-}" = "1" ]; then
  warn "SKIP_VALIDATION=1: the manifest was not checked against the Teams schema."
elif ! command -v node >/dev/null 2>&1; then
  warn "node not found: the manifest was not checked against the Teams schema (settings and JSON were checked)."
  warn "Install Node.js 20+ and npm and run this again to validate, or let Teams validate it on upload."
else
  if [ ! -d "$validator_dir/node_modules/@microsoft/app-manifest" ]; then
    printf 'Installing the manifest validator (npm ci in tests/deploy)...\n'
    (cd "$validator_dir" && npm ci --no-audit --no-fund --loglevel=error) \
      || die "npm ci failed in $validator_dir; fix npm access or run with SKIP_VALIDATION=1."
  fi
  node "$validator_dir/validate-manifest.js" "$stage/manifest.json" \
    || die "the manifest did not validate (see above); no package was written."
fi

# --- zip ----------------------------------------------------------------------------------------------------------
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
tmp_zip="$stage/$package_name"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$tmp_zip" manifest.json color.png outline.png)
else
  (cd "$stage" && python3 -m zipfile -c "$tmp_zip" manifest.json color.png outline.png)
fi
mv -f "$tmp_zip" "$out_dir/$package_name"

printf '\nWrote %s\n' "$out_dir/$package_name"
printf '  Teams app id  %s\n  bot id        %s\n  version       %s\n' "$teams_app_id" "$app_id" "$app_version"
printf 'Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app (see deploy/README.md).\n'
