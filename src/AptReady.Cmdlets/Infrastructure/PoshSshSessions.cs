using AptReady.Core;
using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// Posh-SSH's own list of open SSH sessions: the global variable SshSessions its module creates on
    /// import, from which Remove-SSHSession takes a session out. Read on the pipeline thread only.
    /// </summary>
    internal sealed class PoshSshSessions
    {
        private readonly IList? _sessions;
        private readonly IList? _sftpSessions;

        private PoshSshSessions(IList? sessions, IList? sftpSessions)
        {
            _sessions = sessions;
            _sftpSessions = sftpSessions;
        }

        /// <summary>Whether Posh-SSH was imported in this runspace (its session list exists).</summary>
        public bool IsLoaded => _sessions != null;

        public static PoshSshSessions Of(PSCmdlet cmdlet) => new PoshSshSessions(
            List(cmdlet, "global:SshSessions"), List(cmdlet, "global:SFTPSessions"));

        private static IList? List(PSCmdlet cmdlet, string variable) =>
            cmdlet.SessionState.PSVariable.GetValue(variable) is object value ? PSObject.AsPSObject(value).BaseObject as IList : null;

        /// <summary>The session objects a -Session value holds: one, or each of an array (-Session (Get-SSHSession)).</summary>
        public static List<object> Each(PSObject value)
        {
            var sessions = new List<object>();
            IEnumerable enumerable = LanguagePrimitives.GetEnumerable(value.BaseObject) ?? new[] { value.BaseObject };
            foreach (object? item in enumerable)
            {
                if (item != null)
                {
                    sessions.Add(PSObject.AsPSObject(item).BaseObject);
                }
            }

            return sessions;
        }

        /// <summary>Whether Posh-SSH still lists <paramref name="session"/>; null when Posh-SSH is not loaded or it is not Posh-SSH's.</summary>
        public bool? StillLists(object session)
        {
            IList? list = session.GetType().FullName == "SSH.SftpSession" ? _sftpSessions : _sessions;
            if (list == null || session.GetType().Assembly.GetName().Name != "PoshSSH")
            {
                return null;
            }

            foreach (object? listed in list)
            {
                if (ReferenceEquals(PSObject.AsPSObject(listed).BaseObject, session))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The SSH sessions -SessionId names, in Posh-SSH's order; an error record for each id that names
        /// none, or one when Posh-SSH is not loaded.
        /// </summary>
        public List<object> WithIds(int[] ids, Action<ErrorRecord> writeError)
        {
            var found = new List<object>();
            if (_sessions == null)
            {
                writeError(AptReadyErrors.Create(
                    new InvalidOperationException("-SessionId names Posh-SSH sessions, but Posh-SSH is not loaded in this session: Import-Module Posh-SSH and open them with New-SSHSession, or pass the session objects with -Session."),
                    ErrorIds.PoshSshNotLoaded, ids));
                return found;
            }

            var missing = new List<int>(ids);
            foreach (object? listed in _sessions)
            {
                object? session = listed == null ? null : PSObject.AsPSObject(listed).BaseObject;
                if (session != null && PSObject.AsPSObject(session).Properties["SessionId"]?.Value is int id && missing.Remove(id))
                {
                    found.Add(session);
                }
            }

            foreach (int id in missing)
            {
                string sftp = IsSftpId(id) ? $" ({id} is an SFTP session's id: SFTP sessions cannot run commands)" : string.Empty;
                writeError(AptReadyErrors.Create(
                    new ArgumentException($"Posh-SSH has no SSH session with id {id}{sftp}; Get-SSHSession lists the open ones."),
                    ErrorIds.SessionIdNotFound, id));
            }

            return found;
        }

        /// <summary>Whether <paramref name="id"/> names an SFTP session (Posh-SSH numbers those apart).</summary>
        private bool IsSftpId(int id)
        {
            foreach (object? listed in _sftpSessions ?? new ArrayList())
            {
                if (listed != null && PSObject.AsPSObject(listed).Properties["SessionId"]?.Value is int sftpId && sftpId == id)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
