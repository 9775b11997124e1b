using System;
using System.Management.Automation;
using AptReady.Core;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>A local path parameter, checked (no control characters, not too long) and resolved against the current location.</summary>
    internal static class LocalPathResolver
    {
        /// <summary>The provider path; throws <see cref="InvalidInputException"/> (InvalidPath, PathTooLong) for anything else.</summary>
        public static string Resolve(SessionState sessionState, string path, string parameterName)
        {
            LocalFile.CheckPath(path, parameterName);
            try
            {
                return sessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is RuntimeException)
            {
                throw new InvalidInputException(ErrorIds.InvalidPath,
                    $"-{parameterName} {InputExcerpt.Of(path, 200)} is not a path of a file on this machine ({ex.GetType().Name}).", parameterName);
            }
        }
    }
}
