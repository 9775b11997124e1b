namespace AptReady.Core.Tests.CloudInit;

/// <summary>Real outputs captured from cloud-init 26.2 (Debian forky) in an overlay chroot, run as the user aptready.</summary>
/// <remarks>
/// Captured by tests/tools/Capture-Samples.ps1 (-Suite forky) with the probe script of main at the time
/// (its 'echo' lines; a done probe skips the CLI: 'cli-skipped'). The four stages ran for real as root in
/// a pid namespace with a NoCloud seed; probes and the CLI ran over SSH as the user aptready. The host's
/// boot id and btime differ from the 22.4 and 25.1 captures (another boot of the capturing machine).
/// </remarks>
internal static class CloudInit26Samples
{
    public const string BootId = "3436fa85-c30c-4333-87ee-f586db57f669";

    public const long BootTime = 1795958993;

    /// <summary>Finished without errors (valid cloud-config). The CLI was skipped: result.json and a fresh boot-finished said it all.</summary>
    public const string ProbeDone = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase done
reason result-json
uptime 2749.94
now 1795961743
boot-finished 1795961742 2748.88 - Sun, 29 Nov 2026 14:15:42 +0000 - v. 26.2 
status-json 1795961742 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2746.47,    "recoverable_errors": {},    "start": 2745.89   },   "init-local": {    "errors": [],    "finished": 2743.84,    "recoverable_errors": {},    "start": 2743.65   },   "modules-config": {    "errors": [],    "finished": 2747.61,    "recoverable_errors": {},    "start": 2747.45   },   "modules-final": {    "errors": [],    "finished": 2748.93,    "recoverable_errors": {},    "start": 2748.68   },   "stage": null  } } 
result-json 1795961742 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>apt_update (deprecated) in user-data: a DEPRECATED recoverable error.</summary>
    public const string ProbeDegraded = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase done
reason result-json
uptime 2770.49
now 1795961764
boot-finished 1795961763 2769.70 - Sun, 29 Nov 2026 14:16:03 +0000 - v. 26.2 
status-json 1795961763 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2762.07,    "recoverable_errors": {     "DEPRECATED": [      "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."     ]    },    "start": 2761.59   },   "init-local": {    "errors": [],    "finished": 2760.21,    "recoverable_errors": {},    "start": 2760.01   },   "modules-config": {    "errors": [],    "finished": 2763.83,    "recoverable_errors": {},    "start": 2763.61   },   "modules-final": {    "errors": [],    "finished": 2769.73,    "recoverable_errors": {},    "start": 2765.52   },   "stage": null  } } 
result-json 1795961763 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>ssh_genkeytypes: [] (TESTING.md's first seed) fails schema validation: a WARNING recoverable error.</summary>
    public const string ProbeDegradedSchema = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase done
reason result-json
uptime 2784.40
now 1795961778
boot-finished 1795961777 2783.85 - Sun, 29 Nov 2026 14:16:17 +0000 - v. 26.2 
status-json 1795961777 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2781.01,    "recoverable_errors": {     "WARNING": [      "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."     ]    },    "start": 2780.56   },   "init-local": {    "errors": [],    "finished": 2779.02,    "recoverable_errors": {},    "start": 2778.82   },   "modules-config": {    "errors": [],    "finished": 2782.21,    "recoverable_errors": {},    "start": 2782.07   },   "modules-final": {    "errors": [],    "finished": 2783.9,    "recoverable_errors": {},    "start": 2783.62   },   "stage": null  } } 
result-json 1795961777 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>A runcmd that exits 3.</summary>
    public const string ProbeError = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase done
reason result-json
uptime 2799.38
now 1795961793
boot-finished 1795961792 2798.89 - Sun, 29 Nov 2026 14:16:32 +0000 - v. 26.2 
status-json 1795961792 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2795.33,    "recoverable_errors": {},    "start": 2794.74   },   "init-local": {    "errors": [],    "finished": 2793.07,    "recoverable_errors": {},    "start": 2792.86   },   "modules-config": {    "errors": [],    "finished": 2797.08,    "recoverable_errors": {},    "start": 2796.87   },   "modules-final": {    "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"    ],    "finished": 2798.9,    "recoverable_errors": {     "WARNING": [      "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",      "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"     ]    },    "start": 2798.72   },   "stage": null  } } 
result-json 1795961792 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ]  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>Checked once (CloudInitProbe.BuildCheck) while a runcmd waits in modules-final.</summary>
    public const string ProbeRunning = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome checked 0.00
phase running
uptime 2815.30
now 1795961809
boot-finished-missing
status-json 1795961808 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2811.43,    "recoverable_errors": {},    "start": 2810.87   },   "init-local": {    "errors": [],    "finished": 2809.81,    "recoverable_errors": {},    "start": 2809.7   },   "modules-config": {    "errors": [],    "finished": 2812.57,    "recoverable_errors": {},    "start": 2812.25   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 2814.71   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 2811.43,     "recoverable_errors": {},     "start": 2810.87   },   "init-local": {     "errors": [],     "finished": 2809.81,     "recoverable_errors": {},     "start": 2809.7   },   "last_update": "Thu, 01 Jan 1970 00:46:54 +0000",   "modules-config": {     "errors": [],     "finished": 2812.57,     "recoverable_errors": {},     "start": 2812.25   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 2814.71   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 3 s deadline while a runcmd waits.</summary>
    public const string ProbeTimeout = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
hb 0.00 running modules-final
hb 1.01 running modules-final
hb 2.04 running modules-final
outcome deadline 3.06
phase running
uptime 2824.90
now 1795961818
boot-finished-missing
status-json 1795961808 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2811.43,    "recoverable_errors": {},    "start": 2810.87   },   "init-local": {    "errors": [],    "finished": 2809.81,    "recoverable_errors": {},    "start": 2809.7   },   "modules-config": {    "errors": [],    "finished": 2812.57,    "recoverable_errors": {},    "start": 2812.25   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 2814.71   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 2811.43,     "recoverable_errors": {},     "start": 2810.87   },   "init-local": {     "errors": [],     "finished": 2809.81,     "recoverable_errors": {},     "start": 2809.7   },   "last_update": "Thu, 01 Jan 1970 00:46:54 +0000",   "modules-config": {     "errors": [],     "finished": 2812.57,     "recoverable_errors": {},     "start": 2812.25   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 2814.71   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 60 s deadline until the runcmd ended (about 5 s).</summary>
    public const string ProbeWaited = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
hb 0.00 running modules-final
hb 1.03 running modules-final
hb 2.07 running modules-final
hb 3.09 running modules-final
hb 4.11 running modules-final
outcome finished 5.14
phase done
reason result-json
uptime 2832.49
now 1795961826
boot-finished 1795961826 2832.38 - Sun, 29 Nov 2026 14:17:06 +0000 - v. 26.2 
status-json 1795961826 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2811.43,    "recoverable_errors": {},    "start": 2810.87   },   "init-local": {    "errors": [],    "finished": 2809.81,    "recoverable_errors": {},    "start": 2809.7   },   "modules-config": {    "errors": [],    "finished": 2812.57,    "recoverable_errors": {},    "start": 2812.25   },   "modules-final": {    "errors": [],    "finished": 2832.39,    "recoverable_errors": {},    "start": 2814.71   },   "stage": null  } } 
result-json 1795961826 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>Seeded, no stage run yet (checked once).</summary>
    public const string ProbeNotRun = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome checked 0.01
phase not-started
uptime 2734.54
now 1795961728
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "extended_status": "not started",   "last_update": "",   "recoverable_errors": {},   "status": "not started" }
end
"""";

    /// <summary>/etc/cloud/cloud-init.disabled touched, /run/systemd/system present (staged).</summary>
    public const string ProbeDisabled = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase disabled
reason marker-file
disabled-by marker-file
uptime 2834.94
now 1795961828
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "disabled-by-marker-file",   "datasource": "",   "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
end
"""";

    /// <summary>/etc/cloud/cloud-init.disabled touched, no /run/systemd/system: the CLI says enabled-by-sysvinit, "not started".</summary>
    public const string ProbeDisabledWithoutSystemd = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase disabled
reason marker-file
disabled-by marker-file
uptime 2859.78
now 1795961853
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "extended_status": "not started",   "last_update": "",   "recoverable_errors": {},   "status": "not started" }
end
"""";

    /// <summary>A runcmd touched /etc/cloud/cloud-init.disabled, then /run/systemd/system was staged: the CLI would say disabled.</summary>
    public const string ProbeDisabledAfterRun = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase done
reason result-json
disabled-by marker-file
uptime 2871.55
now 1795961865
boot-finished 1795961864 2871.01 - Sun, 29 Nov 2026 14:17:44 +0000 - v. 26.2 
status-json 1795961864 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 2868.12,    "recoverable_errors": {},    "start": 2867.54   },   "init-local": {    "errors": [],    "finished": 2865.63,    "recoverable_errors": {},    "start": 2865.41   },   "modules-config": {    "errors": [],    "finished": 2869.51,    "recoverable_errors": {},    "start": 2869.34   },   "modules-final": {    "errors": [],    "finished": 2871.03,    "recoverable_errors": {},    "start": 2870.8   },   "stage": null  } } 
result-json 1795961864 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
cli-skipped
end
"""";

    /// <summary>cloud-init=disabled on the kernel command line (staged: a file bound over /proc/cmdline and /proc/1/cmdline), /run/systemd/system present.</summary>
    public const string ProbeDisabledByKernelCmdline = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase disabled
reason kernel-cmdline
disabled-by kernel-cmdline
uptime 2848.72
now 1795961842
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "disabled-by-kernel-command-line",   "datasource": "",   "detail": "Cloud-init disabled by kernel parameter cloud-init=disabled",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
end
"""";

    /// <summary>/run/cloud-init/disabled present (staged: the generator's file), /run/systemd/system present.</summary>
    public const string ProbeDisabledByGenerator = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase disabled
reason generator
disabled-by generator
uptime 2855.26
now 1795961849
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "disabled-by-generator",   "datasource": "",   "detail": "Cloud-init disabled by cloud-init-generator",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
end
"""";

    /// <summary>Finished on an earlier boot (staged): /run/cloud-init emptied, boot-finished (written by 26.2) dated 2026-01-01, before btime.</summary>
    public const string ProbeStaleBootFinished = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome checked 0.01
phase not-started
uptime 2884.56
now 1795961878
boot-finished 1767225600 2883.64 - Sun, 29 Nov 2026 14:17:57 +0000 - v. 26.2 
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 26.2 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "extended_status": "not started",   "last_update": "",   "recoverable_errors": {},   "status": "not started" }
end
"""";

    /// <summary>/usr/bin/cloud-init removed (after the stale boot-finished above).</summary>
    public const string ProbeNotInstalled = """"
aptready-cloudinit 1
boot-id 3436fa85-c30c-4333-87ee-f586db57f669
btime 1795958993
outcome finished 0.00
phase not-installed
uptime 2886.84
now 1795961880
boot-finished 1767225600 2883.64 - Sun, 29 Nov 2026 14:17:57 +0000 - v. 26.2 
status-json-missing
result-json-missing
cli-missing
end
"""";

    /// <summary>cloud-init status --format json (done); it exited 0.</summary>
    public const string CliDone = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "done",
  "init": {
    "errors": [],
    "finished": 2746.47,
    "recoverable_errors": {},
    "start": 2745.89
  },
  "init-local": {
    "errors": [],
    "finished": 2743.84,
    "recoverable_errors": {},
    "start": 2743.65
  },
  "last_update": "Thu, 01 Jan 1970 00:45:48 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2747.61,
    "recoverable_errors": {},
    "start": 2747.45
  },
  "modules-final": {
    "errors": [],
    "finished": 2748.93,
    "recoverable_errors": {},
    "start": 2748.68
  },
  "recoverable_errors": {},
  "stage": null,
  "status": "done"
}
"""";

    /// <summary>cloud-init status --format json (degraded: apt_update); it exited 2.</summary>
    public const string CliDegraded = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "degraded done",
  "init": {
    "errors": [],
    "finished": 2762.07,
    "recoverable_errors": {
      "DEPRECATED": [
        "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
      ]
    },
    "start": 2761.59
  },
  "init-local": {
    "errors": [],
    "finished": 2760.21,
    "recoverable_errors": {},
    "start": 2760.01
  },
  "last_update": "Thu, 01 Jan 1970 00:46:09 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2763.83,
    "recoverable_errors": {},
    "start": 2763.61
  },
  "modules-final": {
    "errors": [],
    "finished": 2769.73,
    "recoverable_errors": {},
    "start": 2765.52
  },
  "recoverable_errors": {
    "DEPRECATED": [
      "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
    ]
  },
  "stage": null,
  "status": "done"
}
"""";

    /// <summary>cloud-init status --format json (degraded: schema); it exited 2.</summary>
    public const string CliDegradedSchema = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "degraded done",
  "init": {
    "errors": [],
    "finished": 2781.01,
    "recoverable_errors": {
      "WARNING": [
        "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."
      ]
    },
    "start": 2780.56
  },
  "init-local": {
    "errors": [],
    "finished": 2779.02,
    "recoverable_errors": {},
    "start": 2778.82
  },
  "last_update": "Thu, 01 Jan 1970 00:46:23 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2782.21,
    "recoverable_errors": {},
    "start": 2782.07
  },
  "modules-final": {
    "errors": [],
    "finished": 2783.9,
    "recoverable_errors": {},
    "start": 2783.62
  },
  "recoverable_errors": {
    "WARNING": [
      "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."
    ]
  },
  "stage": null,
  "status": "done"
}
"""";

    /// <summary>cloud-init status --format json (error: runcmd exit 3); it exited 1.</summary>
    public const string CliError = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
  ],
  "extended_status": "error - done",
  "init": {
    "errors": [],
    "finished": 2795.33,
    "recoverable_errors": {},
    "start": 2794.74
  },
  "init-local": {
    "errors": [],
    "finished": 2793.07,
    "recoverable_errors": {},
    "start": 2792.86
  },
  "last_update": "Thu, 01 Jan 1970 00:46:38 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2797.08,
    "recoverable_errors": {},
    "start": 2796.87
  },
  "modules-final": {
    "errors": [
      "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
    ],
    "finished": 2798.9,
    "recoverable_errors": {
      "WARNING": [
        "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
        "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
      ]
    },
    "start": 2798.72
  },
  "recoverable_errors": {
    "WARNING": [
      "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
      "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
    ]
  },
  "stage": null,
  "status": "error"
}
"""";

    /// <summary>cloud-init status --format json (running); it exited 0.</summary>
    public const string CliRunning = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "running",
  "init": {
    "errors": [],
    "finished": 2811.43,
    "recoverable_errors": {},
    "start": 2810.87
  },
  "init-local": {
    "errors": [],
    "finished": 2809.81,
    "recoverable_errors": {},
    "start": 2809.7
  },
  "last_update": "Thu, 01 Jan 1970 00:46:54 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2812.57,
    "recoverable_errors": {},
    "start": 2812.25
  },
  "modules-final": {
    "errors": [],
    "finished": null,
    "recoverable_errors": {},
    "start": 2814.71
  },
  "recoverable_errors": {},
  "stage": "modules-final",
  "status": "running"
}
"""";

    /// <summary>cloud-init status --format json (seeded, not started); it exited 0.</summary>
    public const string CliNotRun = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "",
  "detail": "Cloud-init enabled on sysvinit",
  "errors": [],
  "extended_status": "not started",
  "last_update": "",
  "recoverable_errors": {},
  "status": "not started"
}
"""";

    /// <summary>cloud-init status --format json (marker file, /run/systemd/system present); it exited 0.</summary>
    public const string CliDisabled = """"
{
  "boot_status_code": "disabled-by-marker-file",
  "datasource": "",
  "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",
  "errors": [],
  "extended_status": "disabled",
  "last_update": "",
  "recoverable_errors": {},
  "status": "disabled"
}
"""";

    /// <summary>cloud-init status --format json (marker file touched by a runcmd, /run/systemd/system present); it exited 0.</summary>
    public const string CliDisabledAfterRun = """"
{
  "boot_status_code": "disabled-by-marker-file",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "disabled",
  "init": {
    "errors": [],
    "finished": 2868.12,
    "recoverable_errors": {},
    "start": 2867.54
  },
  "init-local": {
    "errors": [],
    "finished": 2865.63,
    "recoverable_errors": {},
    "start": 2865.41
  },
  "last_update": "Thu, 01 Jan 1970 00:47:51 +0000",
  "modules-config": {
    "errors": [],
    "finished": 2869.51,
    "recoverable_errors": {},
    "start": 2869.34
  },
  "modules-final": {
    "errors": [],
    "finished": 2871.03,
    "recoverable_errors": {},
    "start": 2870.8
  },
  "recoverable_errors": {},
  "stage": null,
  "status": "disabled"
}
"""";

    /// <summary>cloud-init status --format json (kernel command line, staged); it exited 0.</summary>
    public const string CliDisabledByKernelCmdline = """"
{
  "boot_status_code": "disabled-by-kernel-command-line",
  "datasource": "",
  "detail": "Cloud-init disabled by kernel parameter cloud-init=disabled",
  "errors": [],
  "extended_status": "disabled",
  "last_update": "",
  "recoverable_errors": {},
  "status": "disabled"
}
"""";

    /// <summary>cloud-init status --format json (generator, staged); it exited 0.</summary>
    public const string CliDisabledByGenerator = """"
{
  "boot_status_code": "disabled-by-generator",
  "datasource": "",
  "detail": "Cloud-init disabled by cloud-init-generator",
  "errors": [],
  "extended_status": "disabled",
  "last_update": "",
  "recoverable_errors": {},
  "status": "disabled"
}
"""";

    /// <summary>/run/cloud-init/status.json (done).</summary>
    public const string StatusFileDone = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 2746.47,
   "recoverable_errors": {},
   "start": 2745.89
  },
  "init-local": {
   "errors": [],
   "finished": 2743.84,
   "recoverable_errors": {},
   "start": 2743.65
  },
  "modules-config": {
   "errors": [],
   "finished": 2747.61,
   "recoverable_errors": {},
   "start": 2747.45
  },
  "modules-final": {
   "errors": [],
   "finished": 2748.93,
   "recoverable_errors": {},
   "start": 2748.68
  },
  "stage": null
 }
}
"""";

    /// <summary>/run/cloud-init/status.json (degraded: apt_update).</summary>
    public const string StatusFileDegraded = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 2762.07,
   "recoverable_errors": {
    "DEPRECATED": [
     "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
    ]
   },
   "start": 2761.59
  },
  "init-local": {
   "errors": [],
   "finished": 2760.21,
   "recoverable_errors": {},
   "start": 2760.01
  },
  "modules-config": {
   "errors": [],
   "finished": 2763.83,
   "recoverable_errors": {},
   "start": 2763.61
  },
  "modules-final": {
   "errors": [],
   "finished": 2769.73,
   "recoverable_errors": {},
   "start": 2765.52
  },
  "stage": null
 }
}
"""";

    /// <summary>/run/cloud-init/status.json (running: modules-final).</summary>
    public const string StatusFileRunning = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 2811.43,
   "recoverable_errors": {},
   "start": 2810.87
  },
  "init-local": {
   "errors": [],
   "finished": 2809.81,
   "recoverable_errors": {},
   "start": 2809.7
  },
  "modules-config": {
   "errors": [],
   "finished": 2812.57,
   "recoverable_errors": {},
   "start": 2812.25
  },
  "modules-final": {
   "errors": [],
   "finished": null,
   "recoverable_errors": {},
   "start": 2814.71
  },
  "stage": "modules-final"
 }
}
"""";

    /// <summary>/run/cloud-init/status.json (error: runcmd exit 3).</summary>
    public const string StatusFileError = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 2795.33,
   "recoverable_errors": {},
   "start": 2794.74
  },
  "init-local": {
   "errors": [],
   "finished": 2793.07,
   "recoverable_errors": {},
   "start": 2792.86
  },
  "modules-config": {
   "errors": [],
   "finished": 2797.08,
   "recoverable_errors": {},
   "start": 2796.87
  },
  "modules-final": {
   "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
   ],
   "finished": 2798.9,
   "recoverable_errors": {
    "WARNING": [
     "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
     "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
    ]
   },
   "start": 2798.72
  },
  "stage": null
 }
}
"""";

    /// <summary>/run/cloud-init/result.json (done).</summary>
    public const string ResultFileDone = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": []
 }
}
"""";

    /// <summary>/run/cloud-init/result.json (error: runcmd exit 3).</summary>
    public const string ResultFileError = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [
   "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
  ]
 }
}
"""";

    /// <summary>/var/lib/cloud/instance/boot-finished (done).</summary>
    public const string BootFinishedDone = """"
2748.88 - Sun, 29 Nov 2026 14:15:42 +0000 - v. 26.2
"""";

    /// <summary>cloud-init status; echo $? (done).</summary>
    public const string StatusTextDone = """"
status: done
0
"""";

    /// <summary>cloud-init status; echo $? (degraded).</summary>
    public const string StatusTextDegraded = """"
status: done
2
"""";

    /// <summary>cloud-init status; echo $? (error).</summary>
    public const string StatusTextError = """"
status: error
1
"""";

    /// <summary>cloud-init status; echo $? (running).</summary>
    public const string StatusTextRunning = """"
status: running
0
"""";

    /// <summary>cloud-init status; echo $? (seeded, not started).</summary>
    public const string StatusTextNotRun = """"
status: not started
0
"""";

    /// <summary>cloud-init status; echo $? (marker file, /run/systemd/system present).</summary>
    public const string StatusTextDisabled = """"
status: disabled
0
"""";

    /// <summary>cloud-init status; echo $? (not installed: bash's stderr line, then the echo).</summary>
    public const string StatusTextNotInstalled = """"
bash: line 1: cloud-init: command not found
127
"""";

}
