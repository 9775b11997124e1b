namespace AptReady.Core.Tests.CloudInit;

/// <summary>Real outputs captured from cloud-init 25.1.4 (Debian 13 trixie) in an overlay chroot, run as the user aptready.</summary>
/// <remarks>The four stages were run for real as root in a pid namespace with a NoCloud seed; probes ran as the user aptready.</remarks>
internal static class CloudInit25Samples
{
    /// <summary>Finished without errors (valid cloud-config).</summary>
    public const string ProbeDone = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 966.94
now 1795556008
boot-finished 1795556005 964.57 - Tue, 24 Nov 2026 21:33:25 +0000 - v. 25.1.4 
status-json 1795556005 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 962.67,    "recoverable_errors": {},    "start": 962.29   },   "init-local": {    "errors": [],    "finished": 961.1,    "recoverable_errors": {},    "start": 960.96   },   "modules-config": {    "errors": [],    "finished": 963.59,    "recoverable_errors": {},    "start": 963.44   },   "modules-final": {    "errors": [],    "finished": 964.57,    "recoverable_errors": {},    "start": 964.4   },   "stage": null  } } 
result-json 1795556005 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "done",   "init": {     "errors": [],     "finished": 962.67,     "recoverable_errors": {},     "start": 962.29   },   "init-local": {     "errors": [],     "finished": 961.1,     "recoverable_errors": {},     "start": 960.96   },   "last_update": "Thu, 01 Jan 1970 00:16:04 +0000",   "modules-config": {     "errors": [],     "finished": 963.59,     "recoverable_errors": {},     "start": 963.44   },   "modules-final": {     "errors": [],     "finished": 964.57,     "recoverable_errors": {},     "start": 964.4   },   "recoverable_errors": {},   "stage": null,   "status": "done" }
end
"""";

    /// <summary>apt_update (deprecated) in user-data: a DEPRECATED recoverable error.</summary>
    public const string ProbeDegraded = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 974.11
now 1795556015
boot-finished 1795556013 972.25 - Tue, 24 Nov 2026 21:33:33 +0000 - v. 25.1.4 
status-json 1795556013 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 970.33,    "recoverable_errors": {     "DEPRECATED": [      "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."     ]    },    "start": 969.87   },   "init-local": {    "errors": [],    "finished": 969.19,    "recoverable_errors": {},    "start": 969.08   },   "modules-config": {    "errors": [],    "finished": 971.17,    "recoverable_errors": {},    "start": 971.03   },   "modules-final": {    "errors": [],    "finished": 972.26,    "recoverable_errors": {},    "start": 971.99   },   "stage": null  } } 
result-json 1795556013 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 2 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "degraded done",   "init": {     "errors": [],     "finished": 970.33,     "recoverable_errors": {       "DEPRECATED": [         "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."       ]     },     "start": 969.87   },   "init-local": {     "errors": [],     "finished": 969.19,     "recoverable_errors": {},     "start": 969.08   },   "last_update": "Thu, 01 Jan 1970 00:16:12 +0000",   "modules-config": {     "errors": [],     "finished": 971.17,     "recoverable_errors": {},     "start": 971.03   },   "modules-final": {     "errors": [],     "finished": 972.26,     "recoverable_errors": {},     "start": 971.99   },   "recoverable_errors": {     "DEPRECATED": [       "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."     ]   },   "stage": null,   "status": "done" }
end
"""";

    /// <summary>ssh_genkeytypes: [] (TESTING.md's seed) fails schema validation: a WARNING recoverable error.</summary>
    public const string ProbeDegradedSchema = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 1002.96
now 1795556044
boot-finished 1795556042 1001.29 - Tue, 24 Nov 2026 21:34:02 +0000 - v. 25.1.4 
status-json 1795556042 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 999.95,    "recoverable_errors": {     "WARNING": [      "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."     ]    },    "start": 999.61   },   "init-local": {    "errors": [],    "finished": 998.96,    "recoverable_errors": {},    "start": 998.85   },   "modules-config": {    "errors": [],    "finished": 1000.64,    "recoverable_errors": {},    "start": 1000.51   },   "modules-final": {    "errors": [],    "finished": 1001.3,    "recoverable_errors": {},    "start": 1001.24   },   "stage": null  } } 
result-json 1795556042 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 2 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "degraded done",   "init": {     "errors": [],     "finished": 999.95,     "recoverable_errors": {       "WARNING": [         "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."       ]     },     "start": 999.61   },   "init-local": {     "errors": [],     "finished": 998.96,     "recoverable_errors": {},     "start": 998.85   },   "last_update": "Thu, 01 Jan 1970 00:16:41 +0000",   "modules-config": {     "errors": [],     "finished": 1000.64,     "recoverable_errors": {},     "start": 1000.51   },   "modules-final": {     "errors": [],     "finished": 1001.3,     "recoverable_errors": {},     "start": 1001.24   },   "recoverable_errors": {     "WARNING": [       "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."     ]   },   "stage": null,   "status": "done" }
end
"""";

    /// <summary>A runcmd that exits 3.</summary>
    public const string ProbeError = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 979.18
now 1795556020
boot-finished 1795556019 977.98 - Tue, 24 Nov 2026 21:33:39 +0000 - v. 25.1.4 
status-json 1795556019 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 976.74,    "recoverable_errors": {},    "start": 976.46   },   "init-local": {    "errors": [],    "finished": 975.94,    "recoverable_errors": {},    "start": 975.87   },   "modules-config": {    "errors": [],    "finished": 977.4,    "recoverable_errors": {},    "start": 977.27   },   "modules-final": {    "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"    ],    "finished": 977.99,    "recoverable_errors": {     "WARNING": [      "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",      "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"     ]    },    "start": 977.88   },   "stage": null  } } 
result-json 1795556019 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ]  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 1 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ],   "extended_status": "error - done",   "init": {     "errors": [],     "finished": 976.74,     "recoverable_errors": {},     "start": 976.46   },   "init-local": {     "errors": [],     "finished": 975.94,     "recoverable_errors": {},     "start": 975.87   },   "last_update": "Thu, 01 Jan 1970 00:16:17 +0000",   "modules-config": {     "errors": [],     "finished": 977.4,     "recoverable_errors": {},     "start": 977.27   },   "modules-final": {     "errors": [       "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"     ],     "finished": 977.99,     "recoverable_errors": {       "WARNING": [         "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",         "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"       ]     },     "start": 977.88   },   "recoverable_errors": {     "WARNING": [       "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",       "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"     ]   },   "stage": null,   "status": "error" }
end
"""";

    /// <summary>Checked once while a runcmd sleeps in modules-final.</summary>
    public const string ProbeRunning = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome checked 0.00
phase running
uptime 986.21
now 1795556027
boot-finished-missing
status-json 1795556025 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 983.95,    "recoverable_errors": {},    "start": 983.72   },   "init-local": {    "errors": [],    "finished": 983.32,    "recoverable_errors": {},    "start": 983.23   },   "modules-config": {    "errors": [],    "finished": 984.47,    "recoverable_errors": {},    "start": 984.41   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 984.81   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 983.95,     "recoverable_errors": {},     "start": 983.72   },   "init-local": {     "errors": [],     "finished": 983.32,     "recoverable_errors": {},     "start": 983.23   },   "last_update": "Thu, 01 Jan 1970 00:16:24 +0000",   "modules-config": {     "errors": [],     "finished": 984.47,     "recoverable_errors": {},     "start": 984.41   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 984.81   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 3 s deadline while a runcmd sleeps.</summary>
    public const string ProbeTimeout = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
hb 0.00 running modules-final
hb 1.01 running modules-final
hb 2.03 running modules-final
outcome deadline 3.07
phase running
uptime 990.61
now 1795556031
boot-finished-missing
status-json 1795556025 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 983.95,    "recoverable_errors": {},    "start": 983.72   },   "init-local": {    "errors": [],    "finished": 983.32,    "recoverable_errors": {},    "start": 983.23   },   "modules-config": {    "errors": [],    "finished": 984.47,    "recoverable_errors": {},    "start": 984.41   },   "modules-final": {    "errors": [],    "finished": null,    "recoverable_errors": {},    "start": 984.81   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "running",   "init": {     "errors": [],     "finished": 983.95,     "recoverable_errors": {},     "start": 983.72   },   "init-local": {     "errors": [],     "finished": 983.32,     "recoverable_errors": {},     "start": 983.23   },   "last_update": "Thu, 01 Jan 1970 00:16:24 +0000",   "modules-config": {     "errors": [],     "finished": 984.47,     "recoverable_errors": {},     "start": 984.41   },   "modules-final": {     "errors": [],     "finished": null,     "recoverable_errors": {},     "start": 984.81   },   "recoverable_errors": {},   "stage": "modules-final",   "status": "running" }
end
"""";

    /// <summary>Waited with a 60 s deadline until the sleeping runcmd ended.</summary>
    public const string ProbeWaited = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
hb 0.00 running modules-final
hb 1.01 running modules-final
hb 2.02 running modules-final
hb 3.04 running modules-final
hb 4.06 running modules-final
hb 5.08 running modules-final
outcome finished 5.29
phase done
reason result-json
uptime 997.14
now 1795556038
boot-finished 1795556038 996.93 - Tue, 24 Nov 2026 21:33:57 +0000 - v. 25.1.4 
status-json 1795556038 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 983.95,    "recoverable_errors": {},    "start": 983.72   },   "init-local": {    "errors": [],    "finished": 983.32,    "recoverable_errors": {},    "start": 983.23   },   "modules-config": {    "errors": [],    "finished": 984.47,    "recoverable_errors": {},    "start": 984.41   },   "modules-final": {    "errors": [],    "finished": 996.94,    "recoverable_errors": {},    "start": 984.81   },   "stage": null  } } 
result-json 1795556038 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "done",   "init": {     "errors": [],     "finished": 983.95,     "recoverable_errors": {},     "start": 983.72   },   "init-local": {     "errors": [],     "finished": 983.32,     "recoverable_errors": {},     "start": 983.23   },   "last_update": "Thu, 01 Jan 1970 00:16:36 +0000",   "modules-config": {     "errors": [],     "finished": 984.47,     "recoverable_errors": {},     "start": 984.41   },   "modules-final": {     "errors": [],     "finished": 996.94,     "recoverable_errors": {},     "start": 984.81   },   "recoverable_errors": {},   "stage": null,   "status": "done" }
end
"""";

    /// <summary>Seeded, no stage run yet.</summary>
    public const string ProbeNotRun = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome checked 0.00
phase not-started
uptime 980.72
now 1795556021
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
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase disabled
reason marker-file
disabled-by marker-file
uptime 982.28
now 1795556023
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
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
disabled-by marker-file
uptime 1007.00
now 1795556048
boot-finished 1795556046 1005.80 - Tue, 24 Nov 2026 21:34:06 +0000 - v. 25.1.4 
status-json 1795556046 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "init": {    "errors": [],    "finished": 1004.89,    "recoverable_errors": {},    "start": 1004.71   },   "init-local": {    "errors": [],    "finished": 1004.25,    "recoverable_errors": {},    "start": 1004.18   },   "modules-config": {    "errors": [],    "finished": 1005.34,    "recoverable_errors": {},    "start": 1005.25   },   "modules-final": {    "errors": [],    "finished": 1005.81,    "recoverable_errors": {},    "start": 1005.71   },   "stage": null  } } 
result-json 1795556046 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 25.1.4 
cli-status 0 {   "boot_status_code": "disabled-by-marker-file",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]",   "errors": [],   "extended_status": "disabled",   "init": {     "errors": [],     "finished": 1004.89,     "recoverable_errors": {},     "start": 1004.71   },   "init-local": {     "errors": [],     "finished": 1004.25,     "recoverable_errors": {},     "start": 1004.18   },   "last_update": "Thu, 01 Jan 1970 00:16:45 +0000",   "modules-config": {     "errors": [],     "finished": 1005.34,     "recoverable_errors": {},     "start": 1005.25   },   "modules-final": {     "errors": [],     "finished": 1005.81,     "recoverable_errors": {},     "start": 1005.71   },   "recoverable_errors": {},   "stage": null,   "status": "disabled" }
end
"""";

    /// <summary>cloud-init=disabled on /proc/cmdline (a file bound over it).</summary>
    public const string ProbeDisabledByKernelCmdline = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase disabled
reason kernel-cmdline
disabled-by kernel-cmdline
uptime 1009.24
now 1795556050
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
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase disabled
reason generator
disabled-by generator
uptime 1012.93
now 1795556054
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
    "finished": 962.67,
    "recoverable_errors": {},
    "start": 962.29
  },
  "init-local": {
    "errors": [],
    "finished": 961.1,
    "recoverable_errors": {},
    "start": 960.96
  },
  "last_update": "Thu, 01 Jan 1970 00:16:04 +0000",
  "modules-config": {
    "errors": [],
    "finished": 963.59,
    "recoverable_errors": {},
    "start": 963.44
  },
  "modules-final": {
    "errors": [],
    "finished": 964.57,
    "recoverable_errors": {},
    "start": 964.4
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
    "finished": 970.33,
    "recoverable_errors": {
      "DEPRECATED": [
        "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
      ]
    },
    "start": 969.87
  },
  "init-local": {
    "errors": [],
    "finished": 969.19,
    "recoverable_errors": {},
    "start": 969.08
  },
  "last_update": "Thu, 01 Jan 1970 00:16:12 +0000",
  "modules-config": {
    "errors": [],
    "finished": 971.17,
    "recoverable_errors": {},
    "start": 971.03
  },
  "modules-final": {
    "errors": [],
    "finished": 972.26,
    "recoverable_errors": {},
    "start": 971.99
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
    "finished": 999.95,
    "recoverable_errors": {
      "WARNING": [
        "cloud-config failed schema validation! You may run 'sudo cloud-init schema --system' to check the details."
      ]
    },
    "start": 999.61
  },
  "init-local": {
    "errors": [],
    "finished": 998.96,
    "recoverable_errors": {},
    "start": 998.85
  },
  "last_update": "Thu, 01 Jan 1970 00:16:41 +0000",
  "modules-config": {
    "errors": [],
    "finished": 1000.64,
    "recoverable_errors": {},
    "start": 1000.51
  },
  "modules-final": {
    "errors": [],
    "finished": 1001.3,
    "recoverable_errors": {},
    "start": 1001.24
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
    "finished": 976.74,
    "recoverable_errors": {},
    "start": 976.46
  },
  "init-local": {
    "errors": [],
    "finished": 975.94,
    "recoverable_errors": {},
    "start": 975.87
  },
  "last_update": "Thu, 01 Jan 1970 00:16:17 +0000",
  "modules-config": {
    "errors": [],
    "finished": 977.4,
    "recoverable_errors": {},
    "start": 977.27
  },
  "modules-final": {
    "errors": [
      "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
    ],
    "finished": 977.99,
    "recoverable_errors": {
      "WARNING": [
        "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
        "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
      ]
    },
    "start": 977.88
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
    "finished": 983.95,
    "recoverable_errors": {},
    "start": 983.72
  },
  "init-local": {
    "errors": [],
    "finished": 983.32,
    "recoverable_errors": {},
    "start": 983.23
  },
  "last_update": "Thu, 01 Jan 1970 00:16:24 +0000",
  "modules-config": {
    "errors": [],
    "finished": 984.47,
    "recoverable_errors": {},
    "start": 984.41
  },
  "modules-final": {
    "errors": [],
    "finished": null,
    "recoverable_errors": {},
    "start": 984.81
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
   "finished": 970.33,
   "recoverable_errors": {
    "DEPRECATED": [
     "Deprecated cloud-config provided: apt_update:  Deprecated in version 22.2. Use **package_update** instead."
    ]
   },
   "start": 969.87
  },
  "init-local": {
   "errors": [],
   "finished": 969.19,
   "recoverable_errors": {},
   "start": 969.08
  },
  "modules-config": {
   "errors": [],
   "finished": 971.17,
   "recoverable_errors": {},
   "start": 971.03
  },
  "modules-final": {
   "errors": [],
   "finished": 972.26,
   "recoverable_errors": {},
   "start": 971.99
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
   "finished": 983.95,
   "recoverable_errors": {},
   "start": 983.72
  },
  "init-local": {
   "errors": [],
   "finished": 983.32,
   "recoverable_errors": {},
   "start": 983.23
  },
  "modules-config": {
   "errors": [],
   "finished": 984.47,
   "recoverable_errors": {},
   "start": 984.41
  },
  "modules-final": {
   "errors": [],
   "finished": null,
   "recoverable_errors": {},
   "start": 984.81
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
   "finished": 976.74,
   "recoverable_errors": {},
   "start": 976.46
  },
  "init-local": {
   "errors": [],
   "finished": 975.94,
   "recoverable_errors": {},
   "start": 975.87
  },
  "modules-config": {
   "errors": [],
   "finished": 977.4,
   "recoverable_errors": {},
   "start": 977.27
  },
  "modules-final": {
   "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
   ],
   "finished": 977.99,
   "recoverable_errors": {
    "WARNING": [
     "Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)",
     "Running module scripts-user (<module 'cloudinit.config.cc_scripts_user' from '/usr/lib/python3/dist-packages/cloudinit/config/cc_scripts_user.py'>) failed"
    ]
   },
   "start": 977.88
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
964.57 - Tue, 24 Nov 2026 21:33:25 +0000 - v. 25.1.4
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
