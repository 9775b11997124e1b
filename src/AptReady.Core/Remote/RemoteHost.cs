namespace AptReady.Core.Remote
{
    /// <summary>
    /// Which host a result is about. Every output object carries these three, so results from many
    /// hosts stay readable, and piping them into the next cmdlet binds ComputerName, Port and UserName
    /// by property name, which finds the same pooled connection.
    /// </summary>
    public sealed class RemoteHost
    {
        public RemoteHost(string computerName, int port, string userName)
        {
            ComputerName = computerName;
            Port = port;
            UserName = userName;
        }

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        public static RemoteHost Of(IRemoteSession session) => new RemoteHost(session.ComputerName, session.Port, session.UserName);

        public override string ToString() => Port == 22 ? ComputerName : $"{ComputerName}:{Port}";
    }
}
