# zerotrace-ingest %post ($1: 1 install, 2 upgrade): enabled where systemd is running, and
# started once ZEROTRACE_DATABASE_URL is set in /etc/default/zerotrace-ingest and the TLS key
# is in place; what is missing is printed as the next step, and where systemd is not running,
# how to start it (the same messages as the .deb's postinst).
missing=""
grep -q '^ZEROTRACE_DATABASE_URL=.' /etc/default/zerotrace-ingest 2>/dev/null ||
  missing="ZEROTRACE_DATABASE_URL in /etc/default/zerotrace-ingest (the ingest role's URL)"
[ -f /etc/zerotrace/ingest.key ] ||
  missing="${missing:+$missing; }the TLS certificate and key: /etc/zerotrace/ingest.crt, /etc/zerotrace/ingest.key (0600)"
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -eq 1 ]; then
    systemctl enable zerotrace-ingest.service >/dev/null 2>&1 || :
    if [ -z "$missing" ]; then
      systemctl start zerotrace-ingest.service >/dev/null 2>&1 || :
    else
      echo "zerotrace-ingest: not started yet. Next: $missing; then: systemctl start zerotrace-ingest" >&2
      echo "  (see /usr/share/doc/zerotrace-ingest/OPERATIONS.md)" >&2
    fi
  fi
else
  echo "zerotrace-ingest: systemd is not running here, so the ingest was not started.${missing:+ Next: $missing.}" >&2
  echo "  Then start it as an unprivileged user with the environment file loaded, tls.key_file set to" >&2
  echo "  a key it can read: zerotrace-ingest --config /etc/zerotrace/ingest.yaml serve" >&2
  echo "  (see /usr/share/doc/zerotrace-ingest/OPERATIONS.md)" >&2
fi
