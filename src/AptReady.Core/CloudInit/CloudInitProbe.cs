using System;
using System.Globalization;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// The remote half of Wait-CloudInit: one POSIX sh script, run as the login user (no root), that
    /// waits in ONE exec until cloud-init has finished this boot (or a deadline passes), printing a
    /// heartbeat about every second, then prints the facts <see cref="CloudInitProbeParser"/> reads.
    /// </summary>
    /// <remarks>
    /// The loop looks only at cheap files every 0.2 s (existence tests are sh builtins); the python
    /// CLI (about 0.3 s of CPU per start) runs once, at the end, for the rich facts.
    /// Finished this boot means /run/cloud-init/result.json exists: /run is a tmpfs and cloud-init's
    /// first stage deletes the old links, so it cannot be left from an earlier boot. A
    /// boot-finished file counts only when its mtime is not older than the boot time (btime in
    /// /proc/stat): a copy in a template image is stale. Disabled (marker file, kernel command line,
    /// generator) ends the wait at once unless cloud-init ran this boot anyway; no cloud-init on PATH
    /// and none in /usr/bin ends it as not installed. Under systemd, a cloud-final.service that failed
    /// without writing result.json ends it as failed (checked every 5 s), rather than at the deadline.
    /// The boot id is printed first, so a connection dropped by a reboot still shows which boot it saw.
    /// JSON files are folded onto one line: a JSON string cannot hold a raw newline, so folding loses nothing.
    /// Every line is printed with printf '%s': dash's echo would act on the backslashes of JSON escapes.
    /// </remarks>
    public static class CloudInitProbe
    {
        public const string Header = "aptready-cloudinit 1";

        /// <summary>The longest remote wait accepted: one day.</summary>
        public const int MaxDeadlineSeconds = 86400;

        /// <summary>
        /// A script that waits up to <paramref name="deadlineSeconds"/> (1 to <see cref="MaxDeadlineSeconds"/>)
        /// for cloud-init to finish this boot, with a heartbeat line about every second.
        /// </summary>
        public static RemoteCommand BuildWait(int deadlineSeconds)
        {
            if (deadlineSeconds < 1 || deadlineSeconds > MaxDeadlineSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(deadlineSeconds), deadlineSeconds,
                    $"The remote deadline must be between 1 and {MaxDeadlineSeconds} seconds.");
            }

            return new RemoteCommand(Render(deadlineSeconds), $"wait up to {deadlineSeconds} s for cloud-init to finish this boot");
        }

        /// <summary>A script that looks once, without waiting, and prints the same facts.</summary>
        public static RemoteCommand BuildCheck() =>
            new RemoteCommand(Render(0), "check whether cloud-init has finished this boot");

        /// <summary>
        /// The remote deadline for a caller's timeout: whole seconds, rounded up, at least 1, capped at
        /// <see cref="MaxDeadlineSeconds"/>.
        /// </summary>
        public static int DeadlineSeconds(TimeSpan timeout)
        {
            double seconds = Math.Ceiling(timeout.TotalSeconds);
            return seconds < 1 ? 1 : seconds > MaxDeadlineSeconds ? MaxDeadlineSeconds : (int)seconds;
        }

        // The only value in the script is an integer formatted here, so no quoting is needed.
        private static string Render(int deadlineSeconds) =>
            ScriptBody.Replace("@LIMIT@", deadlineSeconds.ToString(CultureInfo.InvariantCulture));

        private const string ScriptBody = @"LC_ALL=C; export LC_ALL
set -f
limit=@LIMIT@
printf '%s\n' '" + Header + @"'
fold1() { tr '\000\n\r\t' '    ' <""$1"" 2>/dev/null; }
# /proc/uptime has two decimals: read it as hundredths of a second.
tick() { read -r u _ </proc/uptime; f=${u#*.}; now=$(( ${u%.*} * 100 + ${f#0} )); }
btime=
while read -r k v; do [ ""$k"" = btime ] && { btime=$v; break; }; done </proc/stat
run=/run/cloud-init
bf=/var/lib/cloud/instance/boot-finished
cli=$(command -v cloud-init 2>/dev/null) || cli=
[ -z ""$cli"" ] && [ -x /usr/bin/cloud-init ] && cli=/usr/bin/cloud-init
# First, so a caller whose connection drops (a reboot) still learns which boot it saw.
printf 'boot-id %s\n' ""$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)""
printf 'btime %s\n' ""$btime""
sd=; [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && sd=1
to=; command -v timeout >/dev/null 2>&1 && to=timeout
cmdline="" $(cat /proc/cmdline 2>/dev/null) ""
disabled_by() {
  case ""$cmdline"" in *' cloud-init=enabled '*) return 1 ;; esac
  if [ -e /etc/cloud/cloud-init.disabled ]; then why=marker-file
  else case ""$cmdline"" in
    *' cloud-init=disabled '*) why=kernel-cmdline ;;
    *) if [ -e $run/disabled ]; then why=generator; else return 1; fi ;;
  esac; fi
}
fresh() { m=$(stat -L -c %Y -- ""$1"" 2>/dev/null) && [ -n ""$btime"" ] && [ ""$m"" -ge ""$btime"" ]; }
# One look at cheap files; sets phase (and why). The CLI is not run here: it costs a python start.
look() {
  why=
  if [ -z ""$cli"" ] && [ ! -e $run/status.json ]; then phase=not-installed
  elif [ -e $run/result.json ]; then phase=done; why=result-json
  elif [ -e $run/status.json ]; then phase=running
  elif disabled_by; then phase=disabled
  elif fresh $bf; then phase=done; why=boot-finished
  else phase=not-started
  fi
}
stage_now() {
  stage=-
  s=$(cat $run/status.json 2>/dev/null) || return 0
  s=${s#*'""stage"": '}
  case ""$s"" in null*) stage=none ;; '""'*) s=${s#'""'}; stage=${s%%'""'*} ;; esac
}
tick; start=$now; next=$now; nextsd=$now
while :; do
  look
  case $phase in running|not-started) ;; *) outcome=finished; break ;; esac
  [ ""$limit"" -eq 0 ] && { outcome=checked; break; }
  tick
  [ $((now - start)) -ge $((limit * 100)) ] && { outcome=deadline; break; }
  # A final stage that died before writing result.json would hold the wait to its deadline.
  if [ -n ""$sd"" ] && [ ""$phase"" = running ] && [ ""$now"" -ge ""$nextsd"" ]; then
    nextsd=$((now + 500))
    if ${to:+$to 5} systemctl is-failed --quiet cloud-final.service 2>/dev/null && [ ! -e $run/result.json ]; then
      phase=failed; why=cloud-final-failed; outcome=finished; break
    fi
  fi
  if [ ""$now"" -ge ""$next"" ]; then
    stage_now
    printf 'hb %d.%02d %s %s\n' $(((now - start) / 100)) $(((now - start) % 100)) ""$phase"" ""$stage""
    next=$((next + 100))
  fi
  sleep 0.2
done
tick
printf 'outcome %s %d.%02d\n' ""$outcome"" $(((now - start) / 100)) $(((now - start) % 100))
printf 'phase %s\n' ""$phase""
[ -n ""$why"" ] && printf 'reason %s\n' ""$why""
disabled_by && printf 'disabled-by %s\n' ""$why""
printf 'uptime %s\n' ""$u""
printf 'now %s\n' ""$(date +%s)""
if [ -e $bf ]; then printf 'boot-finished %s %s\n' ""$(stat -L -c %Y -- $bf 2>/dev/null)"" ""$(fold1 $bf)""; else printf '%s\n' boot-finished-missing; fi
for n in status result; do
  if [ -e $run/$n.json ]; then printf '%s-json %s %s\n' ""$n"" ""$(stat -L -c %Y -- $run/$n.json 2>/dev/null)"" ""$(fold1 $run/$n.json)""; else printf '%s-json-missing\n' ""$n""; fi
done
if [ -n ""$cli"" ]; then
  printf 'cli %s\n' ""$cli""
  if [ ""$phase"" = done ] && [ -e $run/result.json ] && fresh $bf; then
    # Finished this boot: result.json, status.json and boot-finished (which names the version) say
    # all the CLI would, and a python start costs a loaded host most of a second.
    printf '%s\n' cli-skipped
  else
    # A fresh boot-finished names the version (""… - v. 25.1.4""): one python start fewer on the way out.
    fresh $bf || printf 'version %s\n' ""$(${to:+$to 30} ""$cli"" --version 2>&1 | tr '\000\n\r\t' '    ')""
    out=$(${to:+$to 30} ""$cli"" status --format json 2>/dev/null); rc=$?
    printf 'cli-status %s %s\n' ""$rc"" ""$(printf '%s' ""$out"" | tr '\000\n\r\t' '    ')""
  fi
else
  printf '%s\n' cli-missing
fi
printf '%s\n' end
";
    }
}
