namespace AptReady.Core.Remote
{
    /// <summary>
    /// A session the caller opened (Posh-SSH) rather than AptReady: results name its id, so that sessions
    /// to several ports or users of one address stay apart.
    /// </summary>
    public interface ICallerSession : IRemoteSession
    {
        /// <summary>The caller's own id of the session (Posh-SSH's SessionId), or null when it has none.</summary>
        int? SessionId { get; }
    }
}
