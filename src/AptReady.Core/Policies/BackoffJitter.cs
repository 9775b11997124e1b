namespace AptReady.Core.Policies
{
    /// <summary>How a backoff delay is randomised so that many hosts' retries do not fall in step.</summary>
    public enum BackoffJitter
    {
        /// <summary>Plain exponential delays.</summary>
        None,

        /// <summary>A uniform delay between zero and the exponential delay.</summary>
        Full,

        /// <summary>A uniform delay between the initial delay and three times the previous delay, capped.</summary>
        Decorrelated,
    }
}
