using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// Writes cloud-config YAML through YamlDotNet's emitter. Every string is written so that a YAML 1.1
    /// parser (PyYAML, which cloud-init uses) reads back exactly the same string: plain only when it is
    /// plainly a string, a literal block for tidy multi-line text, double quotes otherwise. Booleans and
    /// numbers are written as YAML booleans and numbers.
    /// </summary>
    public sealed class CloudConfigYamlWriter
    {
        /// <summary>The first line of every cloud-config user-data.</summary>
        public const string Header = "#cloud-config";

        // Keys longer than this are written as explicit '? key' entries; YAML limits implicit keys to 1024 characters.
        private const int MaxSimpleKeyLength = 128;

        /// <summary>Returns the document as YAML text beginning with the line '#cloud-config', lines ending in '\n'.</summary>
        public string Write(CloudConfigDocument document)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(document));
            }

            return Header + "\n" + WriteTree(document.ToYaml());
        }

        /// <summary>Writes a plain mapping (e.g. NoCloud meta-data) without the cloud-config header.</summary>
        public string WriteMapping(System.Collections.IDictionary mapping)
        {
            if (mapping is null)
            {
                throw new ArgumentNullException(nameof(mapping));
            }

            return WriteTree(YamlTree.FromDictionary(mapping, "mapping"));
        }

        internal string WriteTree(object? root)
        {
            using (var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                var settings = new EmitterSettings(2, int.MaxValue, false, MaxSimpleKeyLength, false, false, "\n");
                IEmitter emitter = new Emitter(text, settings);
                emitter.Emit(new StreamStart());
                emitter.Emit(new DocumentStart());
                EmitValue(emitter, root, isKey: false);
                emitter.Emit(new DocumentEnd(isImplicit: true));
                emitter.Emit(new StreamEnd());
                return text.ToString();
            }
        }

        /// <summary>The style a string must be written in to read back unchanged under YAML 1.1.</summary>
        internal static ScalarStyle StyleFor(string value, bool isKey)
        {
            if (Yaml11Resolver.IsSafePlainString(value))
            {
                return ScalarStyle.Plain;
            }

            return !isKey && IsTidyMultiLine(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        private static void EmitValue(IEmitter emitter, object? value, bool isKey)
        {
            switch (value)
            {
                case null:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                    break;
                case string text:
                    RefuseLoneSurrogates(text);
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, StyleFor(text, isKey), true, true));
                    break;
                case bool flag:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, flag ? "true" : "false", ScalarStyle.Plain, true, false));
                    break;
                case double number:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, FormatFloat(number), ScalarStyle.Plain, true, false));
                    break;
                case float number:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, FormatFloat(number), ScalarStyle.Plain, true, false));
                    break;
                case decimal number:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, FormatFloat((double)number), ScalarStyle.Plain, true, false));
                    break;
                case IFormattable integer when IsInteger(integer):
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, integer.ToString(null, CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                    break;
                case YamlMap map:
                    emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                    foreach (KeyValuePair<string, object?> pair in map)
                    {
                        EmitValue(emitter, pair.Key, isKey: true);
                        EmitValue(emitter, pair.Value, isKey: false);
                    }

                    emitter.Emit(new MappingEnd());
                    break;
                case List<object?> list:
                    emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                    foreach (object? item in list)
                    {
                        EmitValue(emitter, item, isKey: false);
                    }

                    emitter.Emit(new SequenceEnd());
                    break;
                default:
                    throw new ArgumentException($"A {value.GetType().FullName} cannot be written as cloud-config YAML.", nameof(value));
            }
        }

        // A lone UTF-16 surrogate has no UTF-8 form: the written file would silently hold U+FFFD instead.
        private static void RefuseLoneSurrogates(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    throw new ArgumentException($"A string holds a lone UTF-16 surrogate at index {i}; it cannot be written as UTF-8.", nameof(text));
                }
            }
        }

        private static bool IsInteger(IFormattable value) =>
            value is int || value is long || value is short || value is byte || value is sbyte || value is uint || value is ulong || value is ushort;

        // YAML 1.1 floats need a '.' and a signed exponent; R keeps the value exact.
        private static string FormatFloat(double value)
        {
            if (double.IsNaN(value))
            {
                return ".nan";
            }

            if (double.IsInfinity(value))
            {
                return value > 0 ? ".inf" : "-.inf";
            }

            string text = value.ToString("R", CultureInfo.InvariantCulture);
            string mantissa = text;
            string exponent = string.Empty;
            int e = text.IndexOfAny(new[] { 'E', 'e' });
            if (e >= 0)
            {
                mantissa = text.Substring(0, e);
                string digits = text.Substring(e + 1);
                exponent = "e" + (digits.StartsWith("-", StringComparison.Ordinal) || digits.StartsWith("+", StringComparison.Ordinal) ? digits : "+" + digits);
            }

            if (mantissa.IndexOf('.') < 0)
            {
                mantissa += ".0";
            }

            return mantissa + exponent;
        }

        // Literal blocks keep text readable (scripts, config files) but cannot carry every string exactly:
        // only printable text with '\n' breaks, no CR or Unicode line separators, no leading blank.
        private static bool IsTidyMultiLine(string value)
        {
            if (value.IndexOf('\n') < 0 || value[0] == ' ' || value[0] == '\t' || value[0] == '\n')
            {
                return false;
            }

            foreach (char c in value)
            {
                bool printable = c == '\n' || c == '\t' || (c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');
                if (!printable)
                {
                    return false;
                }
            }

            foreach (string line in value.Split('\n'))
            {
                // Trailing blanks and whitespace-only lines are where block scalars lose or gain characters.
                if (line.Length > 0 && (line[line.Length - 1] == ' ' || line[line.Length - 1] == '\t'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
