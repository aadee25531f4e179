# zerotrace-agent %post ($1: 1 install, 2 upgrade): the state folder with its mode; the
# service enabled and started where systemd is running; elsewhere the next step is printed.
install -d -m 0700 -o root -g root /var/lib/zerotrace-agent
chmod 0700 /var/lib/zerotrace-agent
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null 2>&1 || :
  if [ "$1" -eq 1 ]; then
    systemctl enable --now zerotrace-agent.service >/dev/null 2>&1 || :
  fi
else
  echo "zerotrace-agent: systemd is not running here, so the agent was not started. Start it with" >&2
  echo "  zerotrace-agent --config /etc/zerotrace/agent.yaml   (as root, under your process supervisor;" >&2
  echo "  server.url and server.enrollment_token in that file, or ZEROTRACE_SERVER_URL and" >&2
  echo "  ZEROTRACE_SERVER_ENROLLMENT_TOKEN in its environment; an upgrade: restart it)" >&2
fi
