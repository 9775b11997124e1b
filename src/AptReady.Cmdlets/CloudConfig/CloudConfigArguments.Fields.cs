using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AptReady.Core;

namespace AptReady.Cmdlets.CloudConfig
{
    // Reading the fields of a hashtable or object given for one cloud-config item.
    internal static partial class CloudConfigArguments
    {
        private static int ToInt(object value, string name)
        {
            try
            {
                return Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw new ArgumentException($"The power state's {name} {InputExcerpt.Of(value?.ToString())} is not a whole number.", "PowerState", ex);
            }
        }

        // Keys compared without case and underscores, so 'ssh_authorized_keys' and 'SshAuthorizedKeys' are one key.
        private static Dictionary<string, object?> Fields(object item, string parameterName, string[] allowed)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            IEnumerable<KeyValuePair<string, object?>> pairs;
            if (item is IDictionary dictionary)
            {
                pairs = dictionary.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(Unwrap(e.Key)?.ToString() ?? string.Empty, e.Value));
            }
            else if (item is PSObject custom)
            {
                pairs = custom.Properties.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value));
            }
            else
            {
                throw new ArgumentException($"A {item.GetType().Name} is not a valid -{parameterName} entry; give a hashtable with the keys {string.Join(", ", allowed.Distinct())}.", parameterName);
            }

            foreach (var pair in pairs)
            {
                string key = pair.Key.Replace("_", string.Empty).ToLowerInvariant();
                if (Array.IndexOf(allowed, key) < 0)
                {
                    throw new ArgumentException($"{InputExcerpt.Of(pair.Key)} is not a key New-CloudConfig knows for -{parameterName} (it takes {string.Join(", ", allowed)}; '_' and case are ignored).", parameterName);
                }

                if (fields.ContainsKey(key))
                {
                    throw new ArgumentException($"{InputExcerpt.Of(pair.Key)} is given twice in a -{parameterName} entry.", parameterName);
                }

                fields[key] = pair.Value;
            }

            return fields;
        }

        private static string RequiredString(Dictionary<string, object?> fields, string key, string parameterName) =>
            OptionalString(fields, key, parameterName) ?? throw new ArgumentException($"A -{parameterName} entry has no '{key}'.", parameterName);

        private static string? OptionalString(Dictionary<string, object?> fields, string key, string parameterName)
        {
            if (!fields.TryGetValue(key, out object? value) || Unwrap(value) == null)
            {
                return null;
            }

            return Unwrap(value) as string ?? throw new ArgumentException($"The '{key}' of a -{parameterName} entry is a {Unwrap(value)!.GetType().Name}, not a string.", parameterName);
        }

        private static bool? Boolean(Dictionary<string, object?> fields, string key, string parameterName)
        {
            if (!fields.TryGetValue(key, out object? value) || Unwrap(value) == null)
            {
                return null;
            }

            switch (Unwrap(value))
            {
                case bool flag:
                    return flag;
                case SwitchParameter flag:
                    return flag.IsPresent;
                default:
                    throw new ArgumentException($"The '{key}' of a -{parameterName} entry is {InputExcerpt.Of(value?.ToString())}, not $true or $false.", parameterName);
            }
        }

        private static IEnumerable<string> Strings(Dictionary<string, object?> fields, string key, string parameterName)
        {
            if (!fields.TryGetValue(key, out object? value) || Unwrap(value) == null)
            {
                return Array.Empty<string>();
            }

            object item = Unwrap(value)!;
            if (item is string single)
            {
                return new[] { single };
            }

            if (item is IEnumerable list)
            {
                return list.Cast<object?>().Select(v => Unwrap(v) as string ?? throw new ArgumentException($"The '{key}' of a -{parameterName} entry holds a {Unwrap(v)?.GetType().Name ?? "null"}, not a string.", parameterName)).ToArray();
            }

            throw new ArgumentException($"The '{key}' of a -{parameterName} entry is a {item.GetType().Name}, not a string or a list of strings.", parameterName);
        }
    }
}
