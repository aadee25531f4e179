# zerotrace-agent %postun ($1: 0 erase, 1 upgrade): an upgrade restarts the service. RPM has
# no purge: an erase keeps /var/lib/zerotrace-agent (api_key, spool); remove it by hand.
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -ge 1 ]; then
    systemctl try-restart zerotrace-agent.service >/dev/null 2>&1 || :
  fi
fi
