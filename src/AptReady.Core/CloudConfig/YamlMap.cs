using System.Collections.Generic;

namespace AptReady.Core.CloudConfig
{
    /// <summary>An ordered YAML mapping with string keys: the tree a cloud-config document becomes before it is written.</summary>
    internal sealed class YamlMap : List<KeyValuePair<string, object?>>
    {
        public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));

        public int IndexOfKey(string key)
        {
            for (int i = 0; i < Count; i++)
            {
                if (this[i].Key == key)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
