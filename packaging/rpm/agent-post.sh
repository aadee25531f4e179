# zerotrace-agent %post ($1: 1 install, 2 upgrade): the state folder with its mode; the
# service enabled and started only where systemd is running.
install -d -m 0700 -o root -g root /var/lib/zerotrace-agent
chmod 0700 /var/lib/zerotrace-agent
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -eq 1 ]; then
    systemctl enable --now zerotrace-agent.service >/dev/null 2>&1 || :
  fi
fi
