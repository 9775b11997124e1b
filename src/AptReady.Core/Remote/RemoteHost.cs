namespace AptReady.Core.Remote
{
    /// <summary>
    /// Which host a result is about. Every output object carries these three, so results from many
    /// hosts stay readable, and piping them into the next cmdlet binds ComputerName, Port and UserName
    /// by property name, which finds the same pooled connection.
    /// </summary>
    public sealed class RemoteHost
    {
        public RemoteHost(string computerName, int port, string userName, int? sessionId = null, string? address = null)
        {
            ComputerName = computerName;
            Port = port;
            UserName = userName;
            SessionId = sessionId;
            Address = address ?? computerName;
        }

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        /// <summary>The caller's session id (Posh-SSH's SessionId) the result came through; null on AptReady's own connection.</summary>
        public int? SessionId { get; }

        /// <summary>The address connected to: ssh_config's HostName for an alias, else the computer name.</summary>
        public string Address { get; }

        public static RemoteHost Of(IRemoteSession session) =>
            new RemoteHost(session.ComputerName, session.Port, session.UserName, (session as ICallerSession)?.SessionId, (session as IAddressedSession)?.Address);

        public override string ToString() => Port == 22 ? ComputerName : $"{ComputerName}:{Port}";
    }
}
