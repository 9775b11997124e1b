namespace AptReady.Core.Tests.CloudInit;

/// <summary>Real outputs captured from cloud-init 22.4.2 (Debian 12 bookworm) in an overlay chroot, run as the user aptready.</summary>
/// <remarks>The four stages were run for real as root in a pid namespace with a NoCloud seed; probes ran as the user aptready.</remarks>
internal static class CloudInit22Samples
{
    /// <summary>Finished without errors.</summary>
    public const string ProbeDone = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 913.64
now 1795555954
boot-finished 1795555953 912.19 - Tue, 24 Nov 2026 21:32:33 +0000 - v. 22.4.2 
status-json 1795555953 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555952.3267672,    "start": 1795555952.0577164   },   "init-local": {    "errors": [],    "finished": 1795555951.67614,    "start": 1795555951.600185   },   "modules-config": {    "errors": [],    "finished": 1795555952.860186,    "start": 1795555952.6825218   },   "modules-final": {    "errors": [],    "finished": 1795555953.2768304,    "start": 1795555953.186467   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555953 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:32:33 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:32:33 +0000",       "status": "done"     }   },   "status": "done" }
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
uptime 918.71
now 1795555959
boot-finished 1795555957 916.67 - Tue, 24 Nov 2026 21:32:37 +0000 - v. 22.4.2 
status-json 1795555957 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555956.258997,    "start": 1795555955.9343169   },   "init-local": {    "errors": [],    "finished": 1795555955.6841955,    "start": 1795555955.6217048   },   "modules-config": {    "errors": [],    "finished": 1795555956.9881825,    "start": 1795555956.668836   },   "modules-final": {    "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"    ],    "finished": 1795555957.7451913,    "start": 1795555957.606619   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555957 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ]  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 1 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",   "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ],   "last_update": "Tue, 24 Nov 2026 21:32:37 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",       "errors": [         "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"       ],       "last_update": "Tue, 24 Nov 2026 21:32:37 +0000",       "status": "error"     }   },   "status": "error" }
end
"""";

    /// <summary>Checked once while a runcmd sleeps in modules-final.</summary>
    public const string ProbeRunning = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome checked 0.00
phase running
uptime 934.44
now 1795555975
boot-finished-missing
status-json 1795555972 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555971.2752507,    "start": 1795555970.9744687   },   "init-local": {    "errors": [],    "finished": 1795555969.9719207,    "start": 1795555969.8016686   },   "modules-config": {    "errors": [],    "finished": 1795555972.3432405,    "start": 1795555971.933979   },   "modules-final": {    "errors": [],    "finished": null,    "start": 1795555972.972117   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "Running in stage: modules-final",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "Running in stage: modules-final",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",       "status": "running"     }   },   "status": "running" }
end
"""";

    /// <summary>Waited with a 3 s deadline while a runcmd sleeps.</summary>
    public const string ProbeTimeout = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
hb 0.00 running modules-final
hb 1.05 running modules-final
hb 2.07 running modules-final
outcome deadline 3.09
phase running
uptime 938.68
now 1795555979
boot-finished-missing
status-json 1795555972 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555971.2752507,    "start": 1795555970.9744687   },   "init-local": {    "errors": [],    "finished": 1795555969.9719207,    "start": 1795555969.8016686   },   "modules-config": {    "errors": [],    "finished": 1795555972.3432405,    "start": 1795555971.933979   },   "modules-final": {    "errors": [],    "finished": null,    "start": 1795555972.972117   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "Running in stage: modules-final",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "Running in stage: modules-final",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",       "status": "running"     }   },   "status": "running" }
end
"""";

    /// <summary>Waited with a 60 s deadline until the sleeping runcmd ended.</summary>
    public const string ProbeWaited = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
hb 0.00 running modules-final
hb 1.04 running modules-final
hb 2.07 running modules-final
hb 3.09 running modules-final
outcome finished 4.13
phase done
reason result-json
uptime 944.15
now 1795555985
boot-finished 1795555985 944.08 - Tue, 24 Nov 2026 21:33:05 +0000 - v. 22.4.2 
status-json 1795555985 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555971.2752507,    "start": 1795555970.9744687   },   "init-local": {    "errors": [],    "finished": 1795555969.9719207,    "start": 1795555969.8016686   },   "modules-config": {    "errors": [],    "finished": 1795555972.3432405,    "start": 1795555971.933979   },   "modules-final": {    "errors": [],    "finished": 1795555985.1705012,    "start": 1795555972.972117   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555985 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:33:05 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:33:05 +0000",       "status": "done"     }   },   "status": "done" }
end
"""";

    /// <summary>Seeded, no stage run yet.</summary>
    public const string ProbeNotRun = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome checked 0.00
phase not-started
uptime 923.73
now 1795555964
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "last_update": "",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "",       "detail": "Cloud-init enabled on sysvinit",       "errors": [],       "last_update": "",       "status": "not run"     }   },   "status": "not run" }
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
uptime 926.93
now 1795555968
boot-finished-missing
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "disabled-by-marker-file",   "datasource": "",   "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",   "errors": [],   "last_update": "",   "schemas": {     "1": {       "boot_status_code": "disabled-by-marker-file",       "datasource": "",       "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",       "errors": [],       "last_update": "",       "status": "disabled"     }   },   "status": "disabled" }
end
"""";

    /// <summary>Finished on an earlier boot: /run emptied, boot-finished mtime before btime (staged, as TESTING.md allows).</summary>
    public const string ProbeStaleBootFinished = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome checked 0.01
phase not-started
uptime 949.51
now 1795555990
boot-finished 1795168800 948.50 - Tue, 24 Nov 2026 21:33:09 +0000 - v. 22.4.2 
status-json-missing
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "",   "detail": "Cloud-init enabled on sysvinit",   "errors": [],   "last_update": "",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "",       "detail": "Cloud-init enabled on sysvinit",       "errors": [],       "last_update": "",       "status": "not run"     }   },   "status": "not run" }
end
"""";

    /// <summary>/usr/bin/cloud-init removed.</summary>
    public const string ProbeNotInstalled = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase not-installed
uptime 950.32
now 1795555991
boot-finished-missing
status-json-missing
result-json-missing
cli-missing
end
"""";

    /// <summary>apt_update (deprecated since 22.2) in user-data: 22.4.2 only logs it.</summary>
    public const string ProbeDeprecated = """"
aptready-cloudinit 1
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
outcome finished 0.00
phase done
reason result-json
uptime 956.52
now 1795555997
boot-finished 1795555993 952.68 - Tue, 24 Nov 2026 21:33:13 +0000 - v. 22.4.2 
status-json 1795555993 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555992.2329435,    "start": 1795555992.065994   },   "init-local": {    "errors": [],    "finished": 1795555991.7496126,    "start": 1795555991.705101   },   "modules-config": {    "errors": [],    "finished": 1795555992.760893,    "start": 1795555992.5267854   },   "modules-final": {    "errors": [],    "finished": 1795555993.7547584,    "start": 1795555993.4452705   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555993 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:33:13 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:33:13 +0000",       "status": "done"     }   },   "status": "done" }
end
"""";

    /// <summary>cloud-init status --format json (done); it exited 0.</summary>
    public const string CliDone = """"
{
  "_schema_version": "1",
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "errors": [],
  "last_update": "Tue, 24 Nov 2026 21:32:33 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
      "errors": [],
      "last_update": "Tue, 24 Nov 2026 21:32:33 +0000",
      "status": "done"
    }
  },
  "status": "done"
}
"""";

    /// <summary>cloud-init status --format json (error); it exited 1.</summary>
    public const string CliError = """"
{
  "_schema_version": "1",
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",
  "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
  ],
  "last_update": "Tue, 24 Nov 2026 21:32:37 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",
      "errors": [
        "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
      ],
      "last_update": "Tue, 24 Nov 2026 21:32:37 +0000",
      "status": "error"
    }
  },
  "status": "error"
}
"""";

    /// <summary>cloud-init status --format json (running); it exited 0.</summary>
    public const string CliRunning = """"
{
  "_schema_version": "1",
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "nocloud",
  "detail": "Running in stage: modules-final",
  "errors": [],
  "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "Running in stage: modules-final",
      "errors": [],
      "last_update": "Tue, 24 Nov 2026 21:32:52 +0000",
      "status": "running"
    }
  },
  "status": "running"
}
"""";

    /// <summary>cloud-init status --format json (notrun); it exited 0.</summary>
    public const string CliNotRun = """"
{
  "_schema_version": "1",
  "boot_status_code": "enabled-by-sysvinit",
  "datasource": "",
  "detail": "Cloud-init enabled on sysvinit",
  "errors": [],
  "last_update": "",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "",
      "detail": "Cloud-init enabled on sysvinit",
      "errors": [],
      "last_update": "",
      "status": "not run"
    }
  },
  "status": "not run"
}
"""";

    /// <summary>cloud-init status --format json (disabled); it exited 0.</summary>
    public const string CliDisabled = """"
{
  "_schema_version": "1",
  "boot_status_code": "disabled-by-marker-file",
  "datasource": "",
  "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",
  "errors": [],
  "last_update": "",
  "schemas": {
    "1": {
      "boot_status_code": "disabled-by-marker-file",
      "datasource": "",
      "detail": "Cloud-init disabled by /etc/cloud/cloud-init.disabled",
      "errors": [],
      "last_update": "",
      "status": "disabled"
    }
  },
  "status": "disabled"
}
"""";

    public const string StatusFileDone = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "init": {
   "errors": [],
   "finished": 1795555952.3267672,
   "start": 1795555952.0577164
  },
  "init-local": {
   "errors": [],
   "finished": 1795555951.67614,
   "start": 1795555951.600185
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555952.860186,
   "start": 1795555952.6825218
  },
  "modules-final": {
   "errors": [],
   "finished": 1795555953.2768304,
   "start": 1795555953.186467
  },
  "modules-init": {
   "errors": [],
   "finished": null,
   "start": null
  },
  "stage": null
 }
}
"""";

    public const string StatusFileRunning = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "init": {
   "errors": [],
   "finished": 1795555971.2752507,
   "start": 1795555970.9744687
  },
  "init-local": {
   "errors": [],
   "finished": 1795555969.9719207,
   "start": 1795555969.8016686
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555972.3432405,
   "start": 1795555971.933979
  },
  "modules-final": {
   "errors": [],
   "finished": null,
   "start": 1795555972.972117
  },
  "modules-init": {
   "errors": [],
   "finished": null,
   "start": null
  },
  "stage": "modules-final"
 }
}
"""";

    public const string StatusFileError = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "init": {
   "errors": [],
   "finished": 1795555956.258997,
   "start": 1795555955.9343169
  },
  "init-local": {
   "errors": [],
   "finished": 1795555955.6841955,
   "start": 1795555955.6217048
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555956.9881825,
   "start": 1795555956.668836
  },
  "modules-final": {
   "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
   ],
   "finished": 1795555957.7451913,
   "start": 1795555957.606619
  },
  "modules-init": {
   "errors": [],
   "finished": null,
   "start": null
  },
  "stage": null
 }
}
"""";

    public const string ResultFileDone = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "errors": []
 }
}
"""";

    public const string ResultFileError = """"
{
 "v1": {
  "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
  "errors": [
   "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
  ]
 }
}
"""";

    public const string BootFinishedDone = """"
912.19 - Tue, 24 Nov 2026 21:32:33 +0000 - v. 22.4.2
"""";

    /// <summary>cloud-init status; echo $? (done).</summary>
    public const string StatusTextDone = """"
status: done
0
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

    /// <summary>cloud-init status; echo $? (notinstalled).</summary>
    public const string StatusTextNotInstalled = """"
/bin/sh: 1: cloud-init: Permission denied
127
"""";

}
