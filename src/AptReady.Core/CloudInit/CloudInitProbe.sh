# Wait-CloudInit's remote half (see CloudInitProbe.cs): waits in ONE exec until cloud-init has finished
# this boot or @LIMIT@ seconds pass (0: look once), with a heartbeat line about every second, then
# prints the facts CloudInitProbeParser reads. Every line is printed with printf '%s': dash's echo
# would act on the backslashes of JSON escapes.
LC_ALL=C; export LC_ALL
set -f
limit=@LIMIT@
printf '%s\n' '@HEADER@'
# aptready-include: fold_lines fold_file uptime_cs boot_id
btime=
while read -r k v; do [ "$k" = btime ] && { btime=$v; break; }; done </proc/stat
run=/run/cloud-init
bf=/var/lib/cloud/instance/boot-finished
cli=$(command -v cloud-init 2>/dev/null) || cli=
[ -z "$cli" ] && [ -x /usr/bin/cloud-init ] && cli=/usr/bin/cloud-init
# First, so a caller whose connection drops (a reboot) still learns which boot it saw.
printf 'boot-id %s\n' "$(boot_id)"
printf 'btime %s\n' "$btime"
sd=; [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && sd=1
to=; command -v timeout >/dev/null 2>&1 && to=timeout
cmdline=" $(cat /proc/cmdline 2>/dev/null) "
disabled_by() {
  case "$cmdline" in *' cloud-init=enabled '*) return 1 ;; esac
  if [ -e /etc/cloud/cloud-init.disabled ]; then why=marker-file
  else case "$cmdline" in
    *' cloud-init=disabled '*) why=kernel-cmdline ;;
    *) if [ -e $run/disabled ]; then why=generator; else return 1; fi ;;
  esac; fi
}
# A boot-finished counts only when its mtime is not older than the boot: a template's copy is stale.
fresh() { m=$(stat -L -c %Y -- "$1" 2>/dev/null) && [ -n "$btime" ] && [ "$m" -ge "$btime" ]; }
# One look at cheap files; sets phase (and why). The CLI is not run here: it costs a python start.
look() {
  why=
  if [ -z "$cli" ] && [ ! -e $run/status.json ]; then phase=not-installed
  elif [ -e $run/result.json ]; then phase='done'; why=result-json
  elif [ -e $run/status.json ]; then phase=running
  elif disabled_by; then phase=disabled
  elif fresh $bf; then phase='done'; why=boot-finished
  else phase=not-started
  fi
}
stage_now() {
  stage=-
  s=$(cat $run/status.json 2>/dev/null) || return 0
  s=${s#*'"stage": '}
  case "$s" in null*) stage=none ;; '"'*) s=${s#'"'}; stage=${s%%'"'*} ;; esac
}
uptime_cs; start=$now; next=$now; nextsd=$now
while :; do
  look
  case $phase in running|not-started) ;; *) outcome=finished; break ;; esac
  [ "$limit" -eq 0 ] && { outcome=checked; break; }
  uptime_cs
  [ $((now - start)) -ge $((limit * 100)) ] && { outcome=deadline; break; }
  # A final stage that died before writing result.json would hold the wait to its deadline.
  if [ -n "$sd" ] && [ "$phase" = running ] && [ "$now" -ge "$nextsd" ]; then
    nextsd=$((now + 500))
    if ${to:+$to 5} systemctl is-failed --quiet cloud-final.service 2>/dev/null && [ ! -e $run/result.json ]; then
      phase=failed; why=cloud-final-failed; outcome=finished; break
    fi
  fi
  if [ "$now" -ge "$next" ]; then
    stage_now
    printf 'hb %d.%02d %s %s\n' $(((now - start) / 100)) $(((now - start) % 100)) "$phase" "$stage"
    next=$((next + 100))
  fi
  sleep 0.2
done
uptime_cs
printf 'outcome %s %d.%02d\n' "$outcome" $(((now - start) / 100)) $(((now - start) % 100))
printf 'phase %s\n' "$phase"
[ -n "$why" ] && printf 'reason %s\n' "$why"
disabled_by && printf 'disabled-by %s\n' "$why"
printf 'uptime %s\n' "$u"
printf 'now %s\n' "$(date +%s)"
if [ -e $bf ]; then printf 'boot-finished %s %s\n' "$(stat -L -c %Y -- $bf 2>/dev/null)" "$(fold_file $bf)"; else printf '%s\n' boot-finished-missing; fi
for n in status result; do
  if [ -e $run/$n.json ]; then printf '%s-json %s %s\n' "$n" "$(stat -L -c %Y -- $run/$n.json 2>/dev/null)" "$(fold_file $run/$n.json)"; else printf '%s-json-missing\n' "$n"; fi
done
if [ -n "$cli" ]; then
  printf 'cli %s\n' "$cli"
  if [ "$phase" = 'done' ] && [ -e $run/result.json ] && fresh $bf; then
    # Finished this boot: result.json, status.json and boot-finished (which names the version) say
    # all the CLI would, and a python start costs a loaded host most of a second.
    printf '%s\n' cli-skipped
  else
    # A fresh boot-finished names the version ("… - v. 25.1.4"): one python start fewer on the way out.
    fresh $bf || printf 'version %s\n' "$(${to:+$to 30} "$cli" --version 2>&1 | fold_lines)"
    out=$(${to:+$to 30} "$cli" status --format json 2>/dev/null); rc=$?
    printf 'cli-status %s %s\n' "$rc" "$(printf '%s' "$out" | fold_lines)"
  fi
else
  printf '%s\n' cli-missing
fi
printf '%s\n' end
