# zerotrace-ingest %postun ($1: 0 erase, 1 upgrade): an upgrade restarts the service.
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -ge 1 ]; then
    systemctl try-restart zerotrace-ingest.service >/dev/null 2>&1 || :
  fi
fi
