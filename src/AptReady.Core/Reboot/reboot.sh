# Asks systemd to reboot, as root through the same elevation as apt-get. Prints 'root' once
# elevated (no 'root' line: sudo refused), then 'reboot-exit N'. --no-block returns at once, so
# the line is printed before the connection drops.
LC_ALL=C; export LC_ALL
printf '%s\n' 'aptready-reboot 1'
@ROOT@ 'printf "%s\n" root; systemctl --no-block reboot; printf "reboot-exit %s\n" "$?"'
