# zerotrace-agent %preun ($1: 0 erase, 1 upgrade): stopped before its files go.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
  systemctl disable --now zerotrace-agent.service >/dev/null 2>&1 || :
fi
