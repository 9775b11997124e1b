using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using AptReady.Core;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>
    /// A plain .NET tree (IDictionary with string keys, List, string, bool, numbers, null) from PowerShell
    /// values: PSObject wrappers removed, PSCustomObjects become ordered dictionaries, switches booleans.
    /// </summary>
    /// <remarks>
    /// The walk is bounded: a structure that contains itself ($h.self = $h) or nests deeper than
    /// <see cref="MaxDepth"/> would otherwise overflow the stack and end the whole process.
    /// </remarks>
    internal sealed class PlainTree
    {
        public const int MaxDepth = 64;

        public const int MaxNodes = 100000;

        // The containers on the path from the root to the current node (a cycle revisits one).
        private readonly List<object> _path = new List<object>();
        private int _nodes;

        public static object? From(object? value, string path) => new PlainTree().Walk(value, path);

        private object? Walk(object? value, string path)
        {
            if (++_nodes > MaxNodes)
            {
                throw new InvalidInputException(ErrorIds.CloudConfigTooLarge, $"-{Root(path)} holds more than {MaxNodes} values.", Root(path));
            }

            if (value is PSObject wrapped && wrapped.BaseObject is PSCustomObject)
            {
                Enter(wrapped, path);
                var map = new OrderedDictionary(StringComparer.Ordinal);
                foreach (PSPropertyInfo property in wrapped.Properties)
                {
                    map[property.Name] = Walk(property.Value, path + "." + property.Name);
                }

                Leave();
                return map;
            }

            object? item = CloudConfigArguments.Unwrap(value);
            switch (item)
            {
                case null:
                case string _:
                case bool _:
                    return item;
                case SwitchParameter flag:
                    return flag.IsPresent;
                case char c:
                    return c.ToString();
                case IDictionary dictionary:
                    return Mapping(dictionary, path);
                case IEnumerable list:
                    {
                        Enter(list, path);
                        var items = new List<object?>();
                        int index = 0;
                        foreach (object? element in list)
                        {
                            items.Add(Walk(element, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"));
                            index++;
                        }

                        Leave();
                        return items;
                    }

                default:
                    return item;
            }
        }

        private OrderedDictionary Mapping(IDictionary dictionary, string path)
        {
            Enter(dictionary, path);
            var map = new OrderedDictionary(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in dictionary)
            {
                object? key = CloudConfigArguments.Unwrap(entry.Key);
                if (!(key is string name))
                {
                    throw new ArgumentException($"The key {InputExcerpt.Of(key?.ToString())} at {path} is a {key?.GetType().Name ?? "null"}; cloud-config keys must be strings.", path);
                }

                if (map.Contains(name))
                {
                    throw new ArgumentException($"The key {InputExcerpt.Of(name)} appears twice at {path}.", path);
                }

                map[name] = Walk(entry.Value, path + "." + name);
            }

            Leave();
            return map;
        }

        private void Enter(object container, string path)
        {
            foreach (object seen in _path)
            {
                if (ReferenceEquals(seen, container))
                {
                    throw new InvalidInputException(ErrorIds.CloudConfigCycle, $"-{Root(path)} contains itself at {Excerpt(path)}: a cloud-config is a tree, not a cycle.", Root(path));
                }
            }

            if (_path.Count >= MaxDepth)
            {
                throw new InvalidInputException(ErrorIds.CloudConfigTooDeep, $"-{Root(path)} nests deeper than {MaxDepth} levels (at {Excerpt(path)}).", Root(path));
            }

            _path.Add(container);
        }

        private void Leave() => _path.RemoveAt(_path.Count - 1);

        private static string Root(string path)
        {
            int end = path.IndexOfAny(new[] { '.', '[' });
            return end < 0 ? path : path.Substring(0, end);
        }

        // Paths of a deep structure grow long; show their start.
        private static string Excerpt(string path) => path.Length <= 120 ? path : path.Substring(0, 120) + "…";
    }
}
