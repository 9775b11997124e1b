namespace AptReady.Core.Tests.CloudInit;

/// <summary>Real outputs captured from cloud-init 25.1.4 (Debian 13 trixie) in an overlay chroot, run as the user aptready.</summary>
/// <remarks>Captured by running the four stages for real (NoCloud seed); see the report for the recipe.</remarks>
internal static class CloudInit25Samples
{
    /// <summary>Finished without errors (valid cloud-config).</summary>
    public const string ProbeDone = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 494.87
now 1795555535
boot-finished 1795555534 493.25 - Tue, 24 Nov 2026 21:25:34 +0000 - v. 25.1.4 
status-json 1795555534 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 492.28,    "recoverable_errors": {},    "start": 492.1   },   "init-local": {    "errors": [],    "finished": 491.73,    "recoverable_errors": {},    "start": 491.64   },   "modules-config": {    "errors": [],    "finished": 492.74,    "recoverable_errors": {},    "start": 492.66   },   "modules-final": {    "errors": [],    "finished": 493.26,    "recoverable_errors": {},    "start": 493.17   },   "stage": null  } } 
result-json 1795555534 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "done",   "init": {     "errors": [],     "finished": 492.28,     "recoverable_errors": {},     "start": 492.1   },   "init-local": {     "errors": [],     "finished": 491.73,     "recoverable_errors": {},     "start": 491.64   },   "last_update": "Thu, 01 Jan 1970 00:08:13 +0000",   "modules-config": {     "errors": [],     "finished": 492.74,     "recoverable_errors": {},     "start": 492.66   },   "modules-final": {     "errors": [],     "finished": 493.26,     "recoverable_errors": {},     "start": 493.17   },   "recoverable_errors": {},   "stage": null,   "status": "done" }
end
"""";

    /// <summary>apt_update (deprecated) in user-data: a DEPRECATED recoverable error.</summary>
    public const string ProbeDegraded = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 498.56
now 1795555539
boot-finished 1795555538 497.30 - Tue, 24 Nov 2026 21:25:38 +0000 - v. 25.1.4 
status-json 1795555538 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 496.48,    "recoverable_errors": {     "DEPRECATED": [      "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."     ]    },    "start": 496.33   },   "init-local": {    "errors": [],    "finished": 495.99,    "recoverable_errors": {},    "start": 495.93   },   "modules-config": {    "errors": [],    "finished": 496.92,    "recoverable_errors": {},    "start": 496.85   },   "modules-final": {    "errors": [],    "finished": 497.31,    "recoverable_errors": {},    "start": 497.24   },   "stage": null  } } 
result-json 1795555538 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 2 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "degraded done",   "init": {     "errors": [],     "finished": 496.48,     "recoverable_errors": {       "DEPRECATED": [         "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."       ]     },     "start": 496.33   },   "init-local": {     "errors": [],     "finished": 495.99,     "recoverable_errors": {},     "start": 495.93   },   "last_update": "Thu, 01 Jan 1970 00:08:17 +0000",   "modules-config": {     "errors": [],     "finished": 496.92,     "recoverable_errors": {},     "start": 496.85   },   "modules-final": {     "errors": [],     "finished": 497.31,     "recoverable_errors": {},     "start": 497.24   },   "recoverable_errors": {     "DEPRECATED": [       "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."     ]   },   "stage": null,   "status": "done" }
end
"""";

    /// <summary>ssh_genkeytypes: [] (TESTING.md's seed) fails schema validation: a WARNING recoverable error.</summary>
    public const string ProbeDegradedSchema = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 479.44
now 1795555520
boot-finished 1795555519 478.09 - Tue, 24 Nov 2026 21:25:19 +0000 - v. 25.1.4 
status-json 1795555519 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 477.08,    "recoverable_errors": {     "WARNING": [      "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."     ]    },    "start": 476.88   },   "init-local": {    "errors": [],    "finished": 476.37,    "recoverable_errors": {},    "start": 476.16   },   "modules-config": {    "errors": [],    "finished": 477.61,    "recoverable_errors": {},    "start": 477.51   },   "modules-final": {    "errors": [],    "finished": 478.1,    "recoverable_errors": {},    "start": 478.03   },   "stage": null  } } 
result-json 1795555519 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 2 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "degraded done",   "init": {     "errors": [],     "finished": 477.08,     "recoverable_errors": {       "WARNING": [         "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."       ]     },     "start": 476.88   },   "init-local": {     "errors": [],     "finished": 476.37,     "recoverable_errors": {},     "start": 476.16   },   "last_update": "Thu, 01 Jan 1970 00:07:58 +0000",   "modules-config": {     "errors": [],     "finished": 477.61,     "recoverable_errors": {},     "start": 477.51   },   "modules-final": {     "errors": [],     "finished": 478.1,     "recoverable_errors": {},     "start": 478.03   },   "recoverable_errors": {     "WARNING": [       "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."     ]   },   "stage": null,   "status": "done" }
end
"""";

    /// <summary>A runcmd that exits 3.</summary>
    public const string ProbeError = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 504.47
now 1795555545
boot-finished 1795555544 503.64 - Tue, 24 Nov 2026 21:25:44 +0000 - v. 25.1.4 
status-json 1795555544 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 502.94,    "recoverable_errors": {},    "start": 502.85   },   "init-local": {    "errors": [],    "finished": 502.6,    "recoverable_errors": {},    "start": 502.56   },   "modules-config": {    "errors": [],    "finished": 503.31,    "recoverable_errors": {},    "start": 503.22   },   "modules-final": {    "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"    ],    "finished": 503.64,    "recoverable_errors": {     "WARNING": [      "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",      "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"     ]    },    "start": 503.58   },   "stage": null  } } 
result-json 1795555544 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ]  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 1 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ],   "extended_status": "error - done",   "init": {     "errors": [],     "finished": 502.94,     "recoverable_errors": {},     "start": 502.85   },   "init-local": {     "errors": [],     "finished": 502.6,     "recoverable_errors": {},     "start": 502.56   },   "last_update": "Thu, 01 Jan 1970 00:08:23 +0000",   "modules-config": {     "errors": [],     "finished": 503.31,     "recoverable_errors": {},     "start": 503.22   },   "modules-final": {     "errors": [       "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"     ],     "finished": 503.64,     "recoverable_errors": {       "WARNING": [         "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",         "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"       ]     },     "start": 503.58   },   "recoverable_errors": {     "WARNING": [       "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",       "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"     ]   },   "stage": null,   "status": "error" }
end
"""";

    /// <summary>Checked once while a runcmd sleeps in modules-final.</summary>
    public const string ProbeRunning = """"
aptready-cloudinit 1
outcome checked 0.00
phase running
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 510.83
now 1795555551
boot-finished-missing
status-json 1795555550 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 508.76,    "recoverable_errors": {},    "start": 508.63   },   "init-local": {    "errors": [],    "finished": 508.35,    "recoverable_errors": {},    "start": 508.3   },   "modules-config": {    "errors": [],    "finished": 509.08,    "recoverable_errors": {},    "start": 509.02   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 509.35   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 508.76,     "recoverable_errors": {},     "start": 508.63   },   "init-local": {     "errors": [],     "finished": 508.35,     "recoverable_errors": {},     "start": 508.3   },   "last_update": "Thu, 01 Jan 1970 00:08:29 +0000",   "modules-config": {     "errors": [],     "finished": 509.08,     "recoverable_errors": {},     "start": 509.02   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 509.35   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 3 s deadline while a runcmd sleeps.</summary>
    public const string ProbeTimeout = """"
aptready-cloudinit 1
hb 0.00 running modules-final
hb 1.01 running modules-final
hb 2.01 running modules-final
outcome deadline 3.02
phase running
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 514.36
now 1795555555
boot-finished-missing
status-json 1795555550 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 508.76,    "recoverable_errors": {},    "start": 508.63   },   "init-local": {    "errors": [],    "finished": 508.35,    "recoverable_errors": {},    "start": 508.3   },   "modules-config": {    "errors": [],    "finished": 509.08,    "recoverable_errors": {},    "start": 509.02   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 509.35   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 508.76,     "recoverable_errors": {},     "start": 508.63   },   "init-local": {     "errors": [],     "finished": 508.35,     "recoverable_errors": {},     "start": 508.3   },   "last_update": "Thu, 01 Jan 1970 00:08:29 +0000",   "modules-config": {     "errors": [],     "finished": 509.08,     "recoverable_errors": {},     "start": 509.02   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 509.35   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 60 s deadline until the sleeping runcmd ended.</summary>
    public const string ProbeWaited = """"
aptready-cloudinit 1
hb 0.00 running modules-final
hb 1.01 running modules-final
hb 2.02 running modules-final
hb 3.03 running modules-final
hb 4.04 running modules-final
hb 5.07 running modules-final
hb 6.10 running modules-final
outcome finished 6.71
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 521.59
now 1795555562
boot-finished 1795555562 521.42 - Tue, 24 Nov 2026 21:26:02 +0000 - v. 25.1.4 
status-json 1795555562 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 508.76,    "recoverable_errors": {},    "start": 508.63   },   "init-local": {    "errors": [],    "finished": 508.35,    "recoverable_errors": {},    "start": 508.3   },   "modules-config": {    "errors": [],    "finished": 509.08,    "recoverable_errors": {},    "start": 509.02   },   "modules-final": {    "errors": [],    "finished": 521.43,    "recoverable_errors": {},    "start": 509.35   },   "stage": null  } } 
result-json 1795555562 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "done",   "init": {     "errors": [],     "finished": 508.76,     "recoverable_errors": {},     "start": 508.63   },   "init-local": {     "errors": [],     "finished": 508.35,     "recoverable_errors": {},     "start": 508.3   },   "last_update": "Thu, 01 Jan 1970 00:08:41 +0000",   "modules-config": {     "errors": [],     "finished": 509.08,     "recoverable_errors": {},     "start": 509.02   },   "modules-final": {     "errors": [],     "finished": 521.43,     "recoverable_errors": {},     "start": 509.35   },   "recoverable_errors": {},   "stage": null,   "status": "done" }
end
"""";

    /// <summary>Seeded, no stage run yet.</summary>
    public const string ProbeNotRun = """"
aptready-cloudinit 1
outcome checked 0.00
phase not-started
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 505.86
now 1795555546
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "extended_status": "not started",   "last_update": "",   "recoverable_errors": {},   "status": "not started" }
end
"""";

    /// <summary>/etc/cloud/cloud-init.disabled touched, /run/systemd/system present.</summary>
    public const string ProbeDisabled = """"
aptready-cloudinit 1
outcome finished 0.00
phase disabled
reason marker-file
disabled-by marker-file
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 507.48
now 1795555548
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "disabled-by-marker-file",   "datasource": "",   "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
end
"""";

    /// <summary>A runcmd touched /etc/cloud/cloud-init.disabled: the CLI then says disabled.</summary>
    public const string ProbeDisabledAfterRun = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
disabled-by marker-file
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 543.99
now 1795555585
boot-finished 1795555582 541.66 - Tue, 24 Nov 2026 21:26:22 +0000 - v. 25.1.4 
status-json 1795555582 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 540.42,    "recoverable_errors": {},    "start": 540.3   },   "init-local": {    "errors": [],    "finished": 539.97,    "recoverable_errors": {},    "start": 539.89   },   "modules-config": {    "errors": [],    "finished": 540.95,    "recoverable_errors": {},    "start": 540.87   },   "modules-final": {    "errors": [],    "finished": 541.68,    "recoverable_errors": {},    "start": 541.49   },   "stage": null  } } 
result-json 1795555582 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "disabled-by-marker-file",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "disabled",   "init": {     "errors": [],     "finished": 540.42,     "recoverable_errors": {},     "start": 540.3   },   "init-local": {     "errors": [],     "finished": 539.97,     "recoverable_errors": {},     "start": 539.89   },   "last_update": "Thu, 01 Jan 1970 00:09:01 +0000",   "modules-config": {     "errors": [],     "finished": 540.95,     "recoverable_errors": {},     "start": 540.87   },   "modules-final": {     "errors": [],     "finished": 541.68,     "recoverable_errors": {},     "start": 541.49   },   "recoverable_errors": {},   "stage": null,   "status": "disabled" }
end
"""";

    /// <summary>cloud-init=disabled on /proc/cmdline (a file bound over it).</summary>
    public const string ProbeDisabledByKernelCmdline = """"
aptready-cloudinit 1
outcome finished 0.00
phase disabled
reason kernel-cmdline
disabled-by kernel-cmdline
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 577.59
now 1795555618
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "disabled-by-kernel-command-line",   "datasource": "",   "detail": "Cloud-init disabled by kernel parameter cloud-init=disabled",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
end
"""";

    /// <summary>/run/cloud-init/disabled present.</summary>
    public const string ProbeDisabledByGenerator = """"
aptready-cloudinit 1
outcome finished 0.00
phase disabled
reason generator
disabled-by generator
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 579.10
now 1795555620
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "disabled-by-generator",   "datasource": "",   "detail": "Cloud-init disabled by cloud-init-generator",   "errors": [],   "extended_status": "disabled",   "last_update": "",   "recoverable_errors": {},   "status": "disabled" }
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
    "finished": 492.28,
    "recoverable_errors": {},
    "start": 492.1
  },
  "init-local": {
    "errors": [],
    "finished": 491.73,
    "recoverable_errors": {},
    "start": 491.64
  },
  "last_update": "Thu, 01 Jan 1970 00:08:13 +0000",
  "modules-config": {
    "errors": [],
    "finished": 492.74,
    "recoverable_errors": {},
    "start": 492.66
  },
  "modules-final": {
    "errors": [],
    "finished": 493.26,
    "recoverable_errors": {},
    "start": 493.17
  },
  "recoverable_errors": {},
  "stage": null,
  "status": "done"
}
"""";

    /// <summary>cloud-init status --format json (degraded); it exited 2.</summary>
    public const string CliDegraded = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "degraded done",
  "init": {
    "errors": [],
    "finished": 496.48,
    "recoverable_errors": {
      "DEPRECATED": [
        "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
      ]
    },
    "start": 496.33
  },
  "init-local": {
    "errors": [],
    "finished": 495.99,
    "recoverable_errors": {},
    "start": 495.93
  },
  "last_update": "Thu, 01 Jan 1970 00:08:17 +0000",
  "modules-config": {
    "errors": [],
    "finished": 496.92,
    "recoverable_errors": {},
    "start": 496.85
  },
  "modules-final": {
    "errors": [],
    "finished": 497.31,
    "recoverable_errors": {},
    "start": 497.24
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

    /// <summary>cloud-init status --format json (degradedschema); it exited 2.</summary>
    public const string CliDegradedSchema = """"
{
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "errors": [],
  "extended_status": "degraded done",
  "init": {
    "errors": [],
    "finished": 477.08,
    "recoverable_errors": {
      "WARNING": [
        "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."
      ]
    },
    "start": 476.88
  },
  "init-local": {
    "errors": [],
    "finished": 476.37,
    "recoverable_errors": {},
    "start": 476.16
  },
  "last_update": "Thu, 01 Jan 1970 00:07:58 +0000",
  "modules-config": {
    "errors": [],
    "finished": 477.61,
    "recoverable_errors": {},
    "start": 477.51
  },
  "modules-final": {
    "errors": [],
    "finished": 478.1,
    "recoverable_errors": {},
    "start": 478.03
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

    /// <summary>cloud-init status --format json (error); it exited 1.</summary>
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
    "finished": 502.94,
    "recoverable_errors": {},
    "start": 502.85
  },
  "init-local": {
    "errors": [],
    "finished": 502.6,
    "recoverable_errors": {},
    "start": 502.56
  },
  "last_update": "Thu, 01 Jan 1970 00:08:23 +0000",
  "modules-config": {
    "errors": [],
    "finished": 503.31,
    "recoverable_errors": {},
    "start": 503.22
  },
  "modules-final": {
    "errors": [
      "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
    ],
    "finished": 503.64,
    "recoverable_errors": {
      "WARNING": [
        "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
        "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
      ]
    },
    "start": 503.58
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
    "finished": 508.76,
    "recoverable_errors": {},
    "start": 508.63
  },
  "init-local": {
    "errors": [],
    "finished": 508.35,
    "recoverable_errors": {},
    "start": 508.3
  },
  "last_update": "Thu, 01 Jan 1970 00:08:29 +0000",
  "modules-config": {
    "errors": [],
    "finished": 509.08,
    "recoverable_errors": {},
    "start": 509.02
  },
  "modules-final": {
    "errors": [],
    "finished": null,
    "recoverable_errors": {},
    "start": 509.35
  },
  "recoverable_errors": {},
  "stage": "modules-final",
  "status": "running"
}
"""";

    /// <summary>cloud-init status --format json (notrun); it exited 0.</summary>
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

    /// <summary>cloud-init status --format json (disabled); it exited 0.</summary>
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

    public const string StatusFileDegraded = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 496.48,
   "recoverable_errors": {
    "DEPRECATED": [
     "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
    ]
   },
   "start": 496.33
  },
  "init-local": {
   "errors": [],
   "finished": 495.99,
   "recoverable_errors": {},
   "start": 495.93
  },
  "modules-config": {
   "errors": [],
   "finished": 496.92,
   "recoverable_errors": {},
   "start": 496.85
  },
  "modules-final": {
   "errors": [],
   "finished": 497.31,
   "recoverable_errors": {},
   "start": 497.24
  },
  "stage": null
 }
}
"""";

    public const string StatusFileRunning = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 508.76,
   "recoverable_errors": {},
   "start": 508.63
  },
  "init-local": {
   "errors": [],
   "finished": 508.35,
   "recoverable_errors": {},
   "start": 508.3
  },
  "modules-config": {
   "errors": [],
   "finished": 509.08,
   "recoverable_errors": {},
   "start": 509.02
  },
  "modules-final": {
   "errors": [],
   "finished": null,
   "recoverable_errors": {},
   "start": 509.35
  },
  "stage": "modules-final"
 }
}
"""";

    public const string StatusFileError = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",
  "init": {
   "errors": [],
   "finished": 502.94,
   "recoverable_errors": {},
   "start": 502.85
  },
  "init-local": {
   "errors": [],
   "finished": 502.6,
   "recoverable_errors": {},
   "start": 502.56
  },
  "modules-config": {
   "errors": [],
   "finished": 503.31,
   "recoverable_errors": {},
   "start": 503.22
  },
  "modules-final": {
   "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
   ],
   "finished": 503.64,
   "recoverable_errors": {
    "WARNING": [
     "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
     "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
    ]
   },
   "start": 503.58
  },
  "stage": null
 }
}
"""";

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

    public const string BootFinishedDone = """"
493.25 - Tue, 24 Nov 2026 21:25:34 +0000 - v. 25.1.4
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

    /// <summary>cloud-init status; echo $? (disabled).</summary>
    public const string StatusTextDisabled = """"
status: disabled
0
"""";

}
