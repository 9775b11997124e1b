# The boot id of the running boot, as the login user.
b=
read -r b </proc/sys/kernel/random/boot_id
printf 'boot-id %s\n' "${b:--}"
