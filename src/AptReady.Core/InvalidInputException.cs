using System;

namespace AptReady.Core
{
    /// <summary>
    /// A value given to AptReady that it refuses before anything is sent, with the stable error id the
    /// cmdlets report it under (for instance CloudConfigCycle, TooManyPackages, InvalidPath).
    /// </summary>
    public sealed class InvalidInputException : ArgumentException
    {
        public InvalidInputException(string errorId, string message, string? parameterName)
            : base(message, parameterName)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
