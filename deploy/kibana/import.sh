#!/usr/bin/env bash
# Imports Lodestone's Kibana saved objects (data views, saved searches, visualizations, map, dashboard)
# through Kibana's saved-objects API, replacing earlier versions of the same objects.
#
#   KIBANA=http://127.0.0.1:5601 deploy/kibana/import.sh
#
# Environment: KIBANA (default http://127.0.0.1:5601), KIBANA_SPACE (a space id; default space if unset),
# KIBANA_USER + KIBANA_PASSWORD or KIBANA_PASSWORD_FILE (basic auth), or KIBANA_API_KEY (encoded API key),
# KIBANA_CA_FILE (CA certificate of an https:// Kibana). Needs Kibana 8.9 or newer.
set -euo pipefail

kibana="${KIBANA:-http://127.0.0.1:5601}"
file="$(cd "$(dirname "$0")" && pwd)/lodestone.ndjson"
url="${kibana%/}${KIBANA_SPACE:+/s/$KIBANA_SPACE}/api/saved_objects/_import?overwrite=true"

args=(-sS -X POST "$url" -H 'kbn-xsrf: true' --form "file=@$file")
if [[ -n "${KIBANA_API_KEY:-}" ]]; then
  args+=(-H "Authorization: ApiKey $KIBANA_API_KEY")
elif [[ -n "${KIBANA_USER:-}" ]]; then
  password="${KIBANA_PASSWORD:-}"
  if [[ -n "${KIBANA_PASSWORD_FILE:-}" ]]; then
    password="$(<"$KIBANA_PASSWORD_FILE")"
  fi
  # Through a config on stdin, so that the password never shows in the process list.
  args+=(--config -)
fi
if [[ -n "${KIBANA_CA_FILE:-}" ]]; then
  args+=(--cacert "$KIBANA_CA_FILE")
fi

if [[ -n "${KIBANA_USER:-}" && -z "${KIBANA_API_KEY:-}" ]]; then
  response="$(printf 'user = "%s:%s"\n' "$KIBANA_USER" "$password" | curl "${args[@]}")"
else
  response="$(curl "${args[@]}")"
fi

if [[ "$response" == *'"success":true'* ]]; then
  count="$(grep -o '"successCount":[0-9]*' <<<"$response" | cut -d: -f2)"
  echo "imported ${count:-all} saved objects into $kibana${KIBANA_SPACE:+ (space $KIBANA_SPACE)}; open the dashboard 'Lodestone: supply-chain news overview'"
else
  echo "import into $kibana failed: $response" >&2
  exit 1
fi
