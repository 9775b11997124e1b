namespace AptReady.Core.Tests.CloudInit;

/// <summary>Real outputs captured from cloud-init 22.4.2 (Debian 12 bookworm) in an overlay chroot, run as the user aptready.</summary>
/// <remarks>Captured by running the four stages for real (NoCloud seed); see the report for the recipe.</remarks>
internal static class CloudInit22Samples
{
    /// <summary>Finished without errors.</summary>
    public const string ProbeDone = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 442.27
now 1795555483
boot-finished 1795555424 383.80 - Tue, 24 Nov 2026 21:23:44 +0000 - v. 22.4.2 
status-json 1795555424 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555423.9697073,    "start": 1795555423.7821598   },   "init-local": {    "errors": [],    "finished": 1795555423.4545984,    "start": 1795555423.403531   },   "modules-config": {    "errors": [],    "finished": 1795555424.4874802,    "start": 1795555424.286426   },   "modules-final": {    "errors": [],    "finished": 1795555424.8802018,    "start": 1795555424.7977352   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555424 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:23:44 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:23:44 +0000",       "status": "done"     }   },   "status": "done" }
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
uptime 449.73
now 1795555490
boot-finished 1795555490 448.95 - Tue, 24 Nov 2026 21:24:50 +0000 - v. 22.4.2 
status-json 1795555490 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555489.228337,    "start": 1795555488.9175458   },   "init-local": {    "errors": [],    "finished": 1795555488.652052,    "start": 1795555488.5978777   },   "modules-config": {    "errors": [],    "finished": 1795555489.6972954,    "start": 1795555489.5209346   },   "modules-final": {    "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"    ],    "finished": 1795555490.0251694,    "start": 1795555489.952343   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555490 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ]  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 1 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",   "errors": [     "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"   ],   "last_update": "Tue, 24 Nov 2026 21:24:50 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",       "errors": [         "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"       ],       "last_update": "Tue, 24 Nov 2026 21:24:50 +0000",       "status": "error"     }   },   "status": "error" }
end
"""";

    /// <summary>Checked once while a runcmd sleeps in modules-final.</summary>
    public const string ProbeRunning = """"
aptready-cloudinit 1
outcome checked 0.00
phase running
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 460.62
now 1795555501
boot-finished-missing
status-json 1795555500 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555499.3490067,    "start": 1795555499.2334383   },   "init-local": {    "errors": [],    "finished": 1795555498.8775127,    "start": 1795555498.8178914   },   "modules-config": {    "errors": [],    "finished": 1795555499.8040774,    "start": 1795555499.6522725   },   "modules-final": {    "errors": [],    "finished": null,    "start": 1795555500.0674653   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "Running in stage: modules-final",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "Running in stage: modules-final",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",       "status": "running"     }   },   "status": "running" }
end
"""";

    /// <summary>Waited with a 3 s deadline while a runcmd sleeps.</summary>
    public const string ProbeTimeout = """"
aptready-cloudinit 1
hb 0.00 running modules-final
hb 1.02 running modules-final
hb 2.03 running modules-final
outcome deadline 3.04
phase running
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 464.44
now 1795555505
boot-finished-missing
status-json 1795555500 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555499.3490067,    "start": 1795555499.2334383   },   "init-local": {    "errors": [],    "finished": 1795555498.8775127,    "start": 1795555498.8178914   },   "modules-config": {    "errors": [],    "finished": 1795555499.8040774,    "start": 1795555499.6522725   },   "modules-final": {    "errors": [],    "finished": null,    "start": 1795555500.0674653   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": "modules-final"  } } 
result-json-missing
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "Running in stage: modules-final",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "Running in stage: modules-final",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",       "status": "running"     }   },   "status": "running" }
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
hb 5.05 running modules-final
hb 6.06 running modules-final
outcome finished 6.26
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 471.21
now 1795555512
boot-finished 1795555512 471.07 - Tue, 24 Nov 2026 21:25:12 +0000 - v. 22.4.2 
status-json 1795555512 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555499.3490067,    "start": 1795555499.2334383   },   "init-local": {    "errors": [],    "finished": 1795555498.8775127,    "start": 1795555498.8178914   },   "modules-config": {    "errors": [],    "finished": 1795555499.8040774,    "start": 1795555499.6522725   },   "modules-final": {    "errors": [],    "finished": 1795555512.1418073,    "start": 1795555500.0674653   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555512 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:25:12 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:25:12 +0000",       "status": "done"     }   },   "status": "done" }
end
"""";

    /// <summary>Seeded, no stage run yet.</summary>
    public const string ProbeNotRun = """"
aptready-cloudinit 1
outcome checked 0.00
phase not-started
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 451.00
now 1795555492
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
outcome finished 0.00
phase disabled
reason marker-file
disabled-by marker-file
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 452.27
now 1795555493
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
outcome checked 0.00
phase not-started
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 530.48
now 1795555571
boot-finished 1795168800 529.53 - Tue, 24 Nov 2026 21:26:10 +0000 - v. 22.4.2 
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
outcome finished 0.00
phase not-installed
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 531.14
now 1795555572
boot-finished-missing
status-json-missing
result-json-missing
cli-missing
end
"""";

    /// <summary>apt_update (deprecated since 22.2) in user-data: 22.4.2 only logs it.</summary>
    public const string ProbeDeprecated = """"
aptready-cloudinit 1
outcome finished 0.00
phase done
reason result-json
boot-id 3eb24f2b-1384-4d91-843e-0797950e2017
btime 1795555041
uptime 534.23
now 1795555575
boot-finished 1795555573 532.92 - Tue, 24 Nov 2026 21:26:13 +0000 - v. 22.4.2 
status-json 1795555573 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "init": {    "errors": [],    "finished": 1795555572.9627948,    "start": 1795555572.8191624   },   "init-local": {    "errors": [],    "finished": 1795555572.5368366,    "start": 1795555572.4921653   },   "modules-config": {    "errors": [],    "finished": 1795555573.4607735,    "start": 1795555573.313572   },   "modules-final": {    "errors": [],    "finished": 1795555573.9943523,    "start": 1795555573.872253   },   "modules-init": {    "errors": [],    "finished": null,    "start": null   },   "stage": null  } } 
result-json 1795555573 {  "v1": {   "datasource": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": []  } } 
cli /usr/bin/cloud-init
version /usr/bin/cloud-init 22.4.2 
cli-status 0 {   "_schema_version": "1",   "boot_status_code": "enabled-by-sysvinit",   "datasource": "nocloud",   "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",   "errors": [],   "last_update": "Tue, 24 Nov 2026 21:26:13 +0000",   "schemas": {     "1": {       "boot_status_code": "enabled-by-sysvinit",       "datasource": "nocloud",       "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",       "errors": [],       "last_update": "Tue, 24 Nov 2026 21:26:13 +0000",       "status": "done"     }   },   "status": "done" }
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
  "last_update": "Tue, 24 Nov 2026 21:23:44 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
      "errors": [],
      "last_update": "Tue, 24 Nov 2026 21:23:44 +0000",
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
  "last_update": "Tue, 24 Nov 2026 21:24:50 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))",
      "errors": [
        "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
      ],
      "last_update": "Tue, 24 Nov 2026 21:24:50 +0000",
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
  "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",
  "schemas": {
    "1": {
      "boot_status_code": "enabled-by-sysvinit",
      "datasource": "nocloud",
      "detail": "Running in stage: modules-final",
      "errors": [],
      "last_update": "Tue, 24 Nov 2026 21:25:00 +0000",
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
   "finished": 1795555423.9697073,
   "start": 1795555423.7821598
  },
  "init-local": {
   "errors": [],
   "finished": 1795555423.4545984,
   "start": 1795555423.403531
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555424.4874802,
   "start": 1795555424.286426
  },
  "modules-final": {
   "errors": [],
   "finished": 1795555424.8802018,
   "start": 1795555424.7977352
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
   "finished": 1795555499.3490067,
   "start": 1795555499.2334383
  },
  "init-local": {
   "errors": [],
   "finished": 1795555498.8775127,
   "start": 1795555498.8178914
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555499.8040774,
   "start": 1795555499.6522725
  },
  "modules-final": {
   "errors": [],
   "finished": null,
   "start": 1795555500.0674653
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
   "finished": 1795555489.228337,
   "start": 1795555488.9175458
  },
  "init-local": {
   "errors": [],
   "finished": 1795555488.652052,
   "start": 1795555488.5978777
  },
  "modules-config": {
   "errors": [],
   "finished": 1795555489.6972954,
   "start": 1795555489.5209346
  },
  "modules-final": {
   "errors": [
    "('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))"
   ],
   "finished": 1795555490.0251694,
   "start": 1795555489.952343
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
383.80 - Tue, 24 Nov 2026 21:23:44 +0000 - v. 22.4.2
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
