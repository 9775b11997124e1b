namespace AptReady.Core.Tests.SshConfig
{
    /// <summary>ssh_config files the parity oracle resolves with both AptReady and ssh -G ({ROOT} is the folder they are written to).</summary>
    internal static class Corpus
    {
        public static readonly (string Name, string Text)[] Files =
        {
            ("fleet.conf", @"# A fleet behind bastions, the way admins write it
Host bastion bastion.lab
    HostName 192.0.2.10
    User jump
    Port 2222
    IdentityFile ~/.ssh/bastion_ed25519
    UserKnownHostsFile ~/.ssh/known_hosts.lab

Host inner
    HostName 10.9.0.1
    ProxyJump bastion

Host web? web-* !web-legacy
    HostName %h.internal.lab
    ProxyJump bastion,ops@inner:2200
    IdentityFile ~/.ssh/web_%r
    CertificateFile ~/.ssh/web_%r-cert.pub

Host db*
    HostName 10.9.1.%h
    ProxyJump none
    StrictHostKeyChecking accept-new
    HostKeyAlias DB-Cluster

Host web-legacy
    HostName 203.0.113.5
    ProxyJump ssh://legacy@gw.example:2022

Host *.lab
    ConnectTimeout 1m30s
    KexAlgorithms -sntrup761x25519-sha512*,ecdh-sha2-nistp3??

Host *
    User admin
    IdentityFile ~/.ssh/id_ed25519
    IdentitiesOnly yes
    ProxyJump gateway
    UserKnownHostsFile ~/.ssh/known_hosts %d/.ssh/known_hosts_%n
    GlobalKnownHostsFile /etc/ssh/ssh_known_hosts /etc/ssh/extra_%h
    ServerAliveInterval 30
"),
            ("match.conf", @"Match originalhost alias-* user root
    Port 2022
Match host *.example,!secret.example
    User exampleuser
Host alias-one
    HostName ONE.Example
    KexAlgorithms ^ecdh-sha2-nistp521,curve25519-sha256
    IdentityAgent ~/.ssh/agent-%h.sock
Host alias-two
    HostName two.example
    HostKeyAlias TwoAlias
Match final host one.example
    User final-one
    ConnectTimeout 12
    KexAlgorithms curve25519-sha256,ecdh-sha2-nistp256
Match !host *.example
    StrictHostKeyChecking yes
Host one.example
    CertificateFile %d/certs/%h-%r
Match all
    IdentitiesOnly no
    Port 2200
    KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1
"),
            ("include.conf", @"Host included-*
    Include {ROOT}/conf.d/*.conf
Include {ROOT}/top.d/*
Host *
    User fallback
    StrictHostKeyChecking off
"),
            ("conf.d/10-first.conf", @"Host included-a
    HostName a.inc
    Port 1001
Port 1999
Host included-b
    Port 1002
    IdentityFile /keys/b
"),
            ("conf.d/20-second.conf", @"Host included-b included-c
    HostName bc.inc
    Port 1003
    IdentityFile /keys/bc
Match host c.inc
    User never-in-first-pass
"),
            ("top.d/only", @"Host top-*
    HostName top.inc
    ProxyJump one@j1,two@j2:2,three@j3
"),
            ("syntax.conf", @"# Spacing, equals signs, quotes, case, comments
   HOST   spaced
HostName=spaced.example
  user = ""quoted user""   # trailing comment
  Port=2345
Host   ""quoted-host""
  IdentityFile ""/keys/a key""
  IdentityFile '/keys/single'
  IdentityFile /keys/esc\ aped
host CaseSensitive
  HostName lower.example
host tokens
  HostName %h.%%.example
  UserKnownHostsFile ~/kh/%h/%p/%r/%u/%n/%% %C
  IdentityAgent SSH_AUTH_SOCK
Host *
  ProxyCommand none
  ProxyJump j
"),
            ("proxy.conf", @"Host cmd-first
  ProxyCommand nc %h %p
  ProxyJump j1
Host jump-first
  ProxyJump j1
  ProxyCommand nc %h %p
Host none-then
  ProxyJump none
Host *
  ProxyJump late
  ProxyCommand ssh -W %h:%p late
"),
        };

        public static readonly (string File, string[] Hosts)[] Hosts =
        {
            ("fleet.conf", new[] { "bastion", "bastion.lab", "inner", "web1", "web-eu-1", "web-legacy", "db1", "dbx.lab", "other", "other.lab", "WEB1" }),
            ("match.conf", new[] { "alias-one", "alias-two", "one.example", "secret.example", "plain", "alias-x" }),
            ("include.conf", new[] { "included-a", "included-b", "included-c", "top-1", "nothing" }),
            ("syntax.conf", new[] { "spaced", "quoted-host", "CaseSensitive", "casesensitive", "tokens" }),
            ("proxy.conf", new[] { "cmd-first", "jump-first", "none-then", "anything" }),
        };

        public static readonly (string Name, string Text)[] Broken =
        {
            ("bad-port.conf", "Host *\n  Port 70000\n"),
            ("bad-keyword.conf", "Host nowhere\n  NoSuchKeyword yes\n"),
            ("bad-quotes.conf", "User \"open\n"),
            ("bad-extra.conf", "User a b\n"),
            ("bad-jump.conf", "ProxyJump a@\n"),
            ("bad-flag.conf", "IdentitiesOnly maybe\n"),
            ("bad-strict.conf", "StrictHostKeyChecking sometimes\n"),
            ("bad-match.conf", "Match nosuch x\n"),
            ("bad-kex-pattern.conf", "KexAlgorithms curve25519-*\n"),
            ("bad-kex-name.conf", "Host nowhere\n  KexAlgorithms ^curve25519-sha256,no-such-kex\n"),
        };
    }
}
