using System;

namespace AptReady.Core.CloudConfig
{
    /// <summary>A file in the root directory of an ISO 9660 image, under its Joliet name.</summary>
    public sealed class Iso9660File
    {
        /// <summary>The longest Joliet file name (in UCS-2 characters).</summary>
        public const int MaxNameLength = 64;

        /// <param name="name">The Joliet name (e.g. 'user-data'): 1–64 characters, none of * / : ; ? \ or control characters.</param>
        /// <param name="content">The bytes of the file.</param>
        public Iso9660File(string name, byte[] content)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (name.Length == 0 || name.Length > MaxNameLength || name == "." || name == ".." || name.IndexOfAny(new[] { '*', '/', ':', ';', '?', '\\' }) >= 0)
            {
                throw CloudConfigInput.Invalid(nameof(name), name, $"is not a valid Joliet file name (1 to {MaxNameLength} characters, none of * / : ; ? \\).");
            }

            foreach (char c in name)
            {
                if (char.IsControl(c) || char.IsSurrogate(c))
                {
                    throw CloudConfigInput.Invalid(nameof(name), name, "holds a control character or a character outside UCS-2.");
                }
            }

            Name = name;
            Content = content ?? throw new ArgumentNullException(nameof(content));
        }

        public string Name { get; }

        public byte[] Content { get; }
    }
}
