namespace AptReady.Core.Remote
{
    /// <summary>A session that knows the address it connects to when it differs from the name given (an ssh_config alias).</summary>
    public interface IAddressedSession
    {
        /// <summary>The host name or address connected to (ssh_config's HostName).</summary>
        string Address { get; }
    }
}
