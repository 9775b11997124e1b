using System;
using System.Collections;
using System.Collections.Generic;

namespace AptReady.Core.CloudConfig
{
    /// <summary>Turns caller-supplied plain .NET values into the writer's tree and merges trees.</summary>
    internal static class YamlTree
    {
        /// <summary>Converts a dictionary with string keys; <paramref name="path"/> names the value in errors.</summary>
        public static YamlMap FromDictionary(IDictionary dictionary, string path)
        {
            var map = new YamlMap();
            foreach (DictionaryEntry entry in dictionary)
            {
                if (!(entry.Key is string key))
                {
                    throw new ArgumentException($"The key {InputExcerpt.Of(entry.Key.ToString())} at {path} is a {entry.Key.GetType().Name}; cloud-config keys must be strings.", path);
                }

                if (map.IndexOfKey(key) >= 0)
                {
                    throw new ArgumentException($"The key {InputExcerpt.Of(key)} appears twice at {path}.", path);
                }

                map.Add(key, FromValue(entry.Value, path + "." + key));
            }

            return map;
        }

        public static object? FromValue(object? value, string path)
        {
            switch (value)
            {
                case null:
                case string _:
                case bool _:
                case int _:
                case long _:
                case short _:
                case byte _:
                case sbyte _:
                case uint _:
                case ulong _:
                case ushort _:
                case decimal _:
                case double _:
                case float _:
                    return value;
                case char c:
                    return c.ToString();
                case IDictionary dictionary:
                    return FromDictionary(dictionary, path);
                case IEnumerable list:
                    {
                        var items = new List<object?>();
                        int index = 0;
                        foreach (object? item in list)
                        {
                            items.Add(FromValue(item, path + "[" + index + "]"));
                            index++;
                        }

                        return items;
                    }

                default:
                    throw new ArgumentException($"The value at {path} is a {value.GetType().FullName}; only dictionaries, lists, strings, booleans, numbers and null can be written to cloud-config.", path);
            }
        }

        /// <summary>Merges <paramref name="extra"/> into <paramref name="target"/>: mappings recursively, any other clash is an error.</summary>
        public static void MergeInto(YamlMap target, YamlMap extra, string path)
        {
            foreach (KeyValuePair<string, object?> pair in extra)
            {
                int index = target.IndexOfKey(pair.Key);
                if (index < 0)
                {
                    target.Add(pair.Key, pair.Value);
                }
                else if (target[index].Value is YamlMap existing && pair.Value is YamlMap addition)
                {
                    MergeInto(existing, addition, path + "." + pair.Key);
                }
                else
                {
                    throw new ArgumentException($"The key {InputExcerpt.Of(pair.Key)} at {path} is also set by a typed parameter; set it in one place only.", path);
                }
            }
        }
    }
}
