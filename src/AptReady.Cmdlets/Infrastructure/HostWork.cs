using System.Management.Automation;
using System.Security;
using AptReady.Core.Remote;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// What one host's work may do while it runs off the pipeline thread: everything it writes is
    /// posted to the pipeline thread.
    /// </summary>
    internal sealed class HostWork
    {
        private readonly CancellableCmdlet _cmdlet;

        public HostWork(CancellableCmdlet cmdlet, IRemoteSession session, int activityId, SecureString? sudoPassword)
        {
            _cmdlet = cmdlet;
            Session = session;
            ActivityId = activityId;
            SudoPassword = sudoPassword;
        }

        /// <summary>The password for sudo -S (from -SudoCredential), or null to run sudo -n.</summary>
        public SecureString? SudoPassword { get; }

        /// <summary>The bytes to write to a sudo -S command's standard input, or null when no password was given.</summary>
        public byte[]? SudoStandardInput()
        {
            if (SudoPassword == null)
            {
                return null;
            }

            System.IntPtr pointer = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(SudoPassword);
            try
            {
                return Sudo.PasswordInput(System.Runtime.InteropServices.Marshal.PtrToStringUni(pointer) ?? string.Empty);
            }
            finally
            {
                System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>Which host, port and user results are about.</summary>
        public RemoteHost Host => RemoteHost.Of(Session);

        public IRemoteSession Session { get; }

        public string ComputerName => Session.ComputerName;

        /// <summary>A progress activity id of this host's own, under the cmdlet's overall bar.</summary>
        public int ActivityId { get; }

        public void WriteVerbose(string message) => _cmdlet.Post(() => _cmdlet.WriteVerbose($"{ComputerName}: {message}"));

        public void WriteWarning(string message) => _cmdlet.Post(() => _cmdlet.WriteWarning($"{ComputerName}: {message}"));

        public void WriteProgress(ProgressRecord record) => _cmdlet.Post(() => _cmdlet.WriteProgress(record));

        /// <summary>An extra object beyond the host's one result (rare: per-lock records, for one).</summary>
        public void WriteObject(object value) => _cmdlet.Post(() => _cmdlet.WriteObject(value));
    }
}
