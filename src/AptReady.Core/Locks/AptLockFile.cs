using System;
using System.Collections.Generic;

namespace AptReady.Core.Locks
{
    /// <summary>One of the files apt, dpkg or unattended-upgrades take an fcntl write lock on.</summary>
    public sealed class AptLockFile
    {
        private AptLockFile(string name, string path, string takenBy)
        {
            Name = name;
            Path = path;
            TakenBy = takenBy;
        }

        /// <summary>A short name for tables: Lists, DpkgFrontend, Dpkg, Archives, UnattendedUpgrades.</summary>
        public string Name { get; }

        public string Path { get; }

        /// <summary>Which operations take it, for help and messages.</summary>
        public string TakenBy { get; }

        public static readonly AptLockFile Lists =
            new AptLockFile("Lists", "/var/lib/apt/lists/lock", "apt-get update, apt-get clean");

        public static readonly AptLockFile DpkgFrontend =
            new AptLockFile("DpkgFrontend", "/var/lib/dpkg/lock-frontend", "apt-get install/upgrade/remove, dpkg");

        public static readonly AptLockFile Dpkg =
            new AptLockFile("Dpkg", "/var/lib/dpkg/lock", "apt-get install/upgrade/remove, dpkg");

        public static readonly AptLockFile Archives =
            new AptLockFile("Archives", "/var/cache/apt/archives/lock", "apt-get install/upgrade downloads, clean, autoclean");

        public static readonly AptLockFile UnattendedUpgrades =
            new AptLockFile("UnattendedUpgrades", "/run/unattended-upgrades.lock", "unattended-upgrades");

        /// <summary>Every lock AptReady knows, in the order apt takes them.</summary>
        public static IReadOnlyList<AptLockFile> All { get; } =
            new[] { Lists, DpkgFrontend, Dpkg, Archives, UnattendedUpgrades };

        /// <summary>The known lock at <paramref name="path"/>, or a custom one named after the file.</summary>
        public static AptLockFile ForPath(string path)
        {
            foreach (var known in All)
            {
                if (string.Equals(known.Path, path, StringComparison.Ordinal))
                {
                    return known;
                }
            }

            ValidatePath(path);
            return new AptLockFile(path, path, "caller-named lock");
        }

        /// <summary>
        /// A caller-named lock path must be absolute and printable: it is quoted for the shell, and
        /// the probe's line-based output cannot carry control characters.
        /// </summary>
        public static void ValidatePath(string path)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                throw new ArgumentException($"The lock path {InputExcerpt.Of(path, 200)} is not an absolute path.", nameof(path));
            }

            foreach (char c in path)
            {
                if (char.IsControl(c))
                {
                    throw new ArgumentException($"The lock path {InputExcerpt.Of(path, 200)} contains a control character.", nameof(path));
                }
            }

            if (System.Text.Encoding.UTF8.GetByteCount(path) > LocalFile.MaxPathBytes)
            {
                throw new InvalidInputException(ErrorIds.PathTooLong, $"The lock path {InputExcerpt.Of(path)} is longer than {LocalFile.MaxPathBytes} bytes, the most a path can be.", nameof(path));
            }
        }

        public override string ToString() => Path;
    }
}
