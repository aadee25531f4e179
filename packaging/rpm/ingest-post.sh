# zerotrace-ingest %post ($1: 1 install, 2 upgrade): enabled where systemd is running, and
# started once ZEROTRACE_DATABASE_URL is set in /etc/default/zerotrace-ingest.
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -eq 1 ]; then
    systemctl enable zerotrace-ingest.service >/dev/null 2>&1 || :
    if grep -q '^ZEROTRACE_DATABASE_URL=' /etc/default/zerotrace-ingest 2>/dev/null; then
      systemctl start zerotrace-ingest.service >/dev/null 2>&1 || :
    fi
  fi
fi
