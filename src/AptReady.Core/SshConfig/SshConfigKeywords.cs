using System;
using System.Collections.Generic;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// The client keywords OpenSSH knows, lower-cased, and which of them AptReady follows. A keyword
    /// OpenSSH does not know is an error, as in ssh (unless IgnoreUnknown names it); one AptReady knows
    /// but does not follow is reported once, by name.
    /// </summary>
    internal static class SshConfigKeywords
    {
        /// <summary>Keywords whose values AptReady uses (or, for ProxyCommand, refuses).</summary>
        public static readonly HashSet<string> Followed = new HashSet<string>(StringComparer.Ordinal)
        {
            "host", "match", "include", "ignoreunknown", "hostname", "user", "port", "identityfile",
            "certificatefile", "identitiesonly", "identityagent", "proxyjump", "proxycommand",
            "userknownhostsfile", "globalknownhostsfile", "connecttimeout", "stricthostkeychecking",
            "hostkeyalias", "canonicalizehostname", "kexalgorithms",
        };

        /// <summary>Keywords ssh accepts and ignores (deprecated or removed): accepted here without a note.</summary>
        public static readonly HashSet<string> Deprecated = new HashSet<string>(StringComparer.Ordinal)
        {
            "cipher", "protocol", "rhostsrsaauthentication", "rsaauthentication", "compressionlevel",
            "useroaming", "useprivilegedport", "fallbacktorsh", "usersh", "skeyauthentication",
            "tisauthentication", "afstokenpassing", "kerberosauthentication", "kerberostgtpassing",
            "dsaauthentication", "smartcarddevice", "useblacklistedkeys", "challengeresponseauthentication",
            "globalknownhostsfile2", "userknownhostsfile2", "pubkeyacceptedkeytypes", "hostbasedkeytypes",
        };

        /// <summary>Keywords ssh follows that AptReady does not (named in verbose output when they apply).</summary>
        public static readonly HashSet<string> NotFollowed = new HashSet<string>(StringComparer.Ordinal)
        {
            "addkeystoagent", "addressfamily", "batchmode", "bindaddress", "bindinterface", "canonicaldomains",
            "canonicalizefallbacklocal", "canonicalizemaxdots", "canonicalizepermittedcnames",
            "casignaturealgorithms", "channeltimeout", "checkhostip", "ciphers", "clearallforwardings",
            "compression", "connectionattempts", "controlmaster", "controlpath", "controlpersist",
            "dynamicforward", "enableescapecommandline", "enablesshkeysign", "escapechar",
            "exitonforwardfailure", "fingerprinthash", "forkafterauthentication", "forwardagent",
            "forwardx11", "forwardx11timeout", "forwardx11trusted", "gatewayports", "gssapiauthentication",
            "gssapidelegatecredentials", "gssapikeyexchange", "gssapiclientidentity", "gssapiserveridentity",
            "gssapirenewalforcesrekey", "gssapitrustdns", "gssapikexalgorithms", "hashknownhosts",
            "hostbasedacceptedalgorithms", "hostbasedauthentication", "hostkeyalgorithms", "ipqos",
            "kbdinteractiveauthentication", "kbdinteractivedevices", "knownhostscommand",
            "localcommand", "localforward", "loglevel", "logverbose", "macs", "nohostauthenticationforlocalhost",
            "numberofpasswordprompts", "obscurekeystroketiming", "passwordauthentication", "permitlocalcommand",
            "permitremoteopen", "pkcs11provider", "preferredauthentications", "proxyusefdpass",
            "pubkeyacceptedalgorithms", "pubkeyauthentication", "rekeylimit", "remotecommand", "remoteforward",
            "requesttty", "requiredrsasize", "revokedhostkeys", "securitykeyprovider", "sendenv",
            "serveralivecountmax", "serveraliveinterval", "sessiontype", "setenv", "stdinnull",
            "streamlocalbindmask", "streamlocalbindunlink", "syslogfacility", "tag", "tcpkeepalive", "tunnel",
            "tunneldevice", "updatehostkeys", "verifyhostkeydns", "visualhostkey", "xauthlocation",
            "warnweakcrypto", "versionaddendum", "pubkeyauthoptions", "refuseconnection",
        };

        /// <summary>Keywords that take exactly one argument (more is an error, as in ssh).</summary>
        public static readonly HashSet<string> SingleArgument = new HashSet<string>(StringComparer.Ordinal)
        {
            "hostname", "user", "port", "identityfile", "certificatefile", "identitiesonly", "identityagent",
            "proxyjump", "connecttimeout", "stricthostkeychecking", "hostkeyalias", "canonicalizehostname",
            "ignoreunknown", "kexalgorithms",
        };

        public static bool IsKnown(string keyword) =>
            Followed.Contains(keyword) || NotFollowed.Contains(keyword) || Deprecated.Contains(keyword);
    }
}
