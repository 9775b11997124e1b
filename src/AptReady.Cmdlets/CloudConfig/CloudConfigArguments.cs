using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AptReady.Core.CloudConfig;
using AptReady.Core;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>
    /// Turns New-CloudConfig's PowerShell-shaped arguments (strings, hashtables, PSCustomObjects, arrays)
    /// into the core's validated cloud-config parts. Every failure is an <see cref="ArgumentException"/>
    /// whose message names the offending value; the validation attributes run these at binding time.
    /// </summary>
    internal static partial class CloudConfigArguments
    {
        /// <summary>The sudo rule, shell and group of a user given by name only: an administrator AptReady can provision through.</summary>
        public const string AdministratorSudoRule = "ALL=(ALL) NOPASSWD:ALL";

        public const string AdministratorShell = "/bin/bash";

        private static readonly string[] UserKeys = { "name", "groups", "shell", "sudo", "sshauthorizedkeys", "sshauthorizedkey", "lockpasswd", "lockpassword" };
        private static readonly string[] FileKeys = { "path", "content", "permissions", "owner", "append", "defer", "encoding" };
        private static readonly string[] AptSourceKeys = { "name", "source", "key", "keyid" };
        private static readonly string[] PowerStateKeys = { "mode", "delay", "delayminutes", "message", "timeout", "condition" };

        /// <summary>A user from a hashtable or PSCustomObject (cloud-config or PowerShell-style keys), or a CloudConfigUser.</summary>
        public static CloudConfigUser ToUser(object value, IEnumerable<string> extraKeys)
        {
            object item = Unwrap(value) ?? throw new ArgumentException("A user is null.", "User");
            if (item is CloudConfigUser user)
            {
                return extraKeys.Any() ? WithKeys(user, extraKeys) : user;
            }

            if (item is string name)
            {
                return new CloudConfigUser(name, shell: AdministratorShell, sudo: AdministratorSudoRule, sshAuthorizedKeys: extraKeys, lockPassword: true);
            }

            var fields = Fields(item, "User", UserKeys);
            string userName = RequiredString(fields, "name", "User");
            var keys = Strings(fields, "sshauthorizedkeys", "User").Concat(Strings(fields, "sshauthorizedkey", "User"));
            bool lockPassword = Boolean(fields, "lockpasswd", "User") ?? Boolean(fields, "lockpassword", "User") ?? true;
            return new CloudConfigUser(
                userName,
                Strings(fields, "groups", "User").SelectMany(g => g.Split(',')).Select(g => g.Trim()).Where(g => g.Length > 0),
                OptionalString(fields, "shell", "User"),
                OptionalString(fields, "sudo", "User"),
                KeyLines(keys),
                lockPassword);
        }

        /// <summary>Public key lines from -SshAuthorizedKey (e.g. Get-Content of a .pub file): blank and '#' lines are skipped.</summary>
        public static IReadOnlyList<string> KeyLines(IEnumerable<string> lines)
        {
            var keys = new List<string>();
            foreach (string line in lines)
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                keys.Add(SshPublicKey.Parse(trimmed, "SshAuthorizedKey").ToString());
            }

            return keys;
        }

        /// <summary>A write_files entry from a hashtable: path, content (string or byte[]), permissions, owner, append, defer, encoding (text, b64, gz+b64).</summary>
        public static CloudConfigFile ToFile(object value)
        {
            object item = Unwrap(value) ?? throw new ArgumentException("A file is null.", "WriteFile");
            if (item is CloudConfigFile file)
            {
                return file;
            }

            var fields = Fields(item, "WriteFile", FileKeys);
            string path = RequiredString(fields, "path", "WriteFile");
            fields.TryGetValue("content", out object? content);
            content = Unwrap(content);
            string? permissions = OptionalString(fields, "permissions", "WriteFile");
            string? owner = OptionalString(fields, "owner", "WriteFile");
            bool append = Boolean(fields, "append", "WriteFile") ?? false;
            bool defer = Boolean(fields, "defer", "WriteFile") ?? false;
            string encoding = (OptionalString(fields, "encoding", "WriteFile") ?? (content is byte[] ? "b64" : "text")).ToLowerInvariant();

            byte[]? bytes = content as byte[];
            if (bytes == null && content is IEnumerable list && !(content is string))
            {
                try
                {
                    bytes = list.Cast<object>().Select(b => Convert.ToByte(Unwrap(b), CultureInfo.InvariantCulture)).ToArray();
                }
                catch (Exception ex) when (ex is InvalidCastException || ex is FormatException || ex is OverflowException)
                {
                    throw new ArgumentException($"The content of {InputExcerpt.Of(path, 200)} is a list that is not all bytes; give a string or a byte[].", "WriteFile", ex);
                }
            }

            string? text = bytes == null ? (content == null ? string.Empty : content as string ?? throw new ArgumentException($"The content of {InputExcerpt.Of(path, 200)} is a {content.GetType().Name}; give a string or a byte[].", "WriteFile")) : null;
            switch (encoding)
            {
                case "text":
                case "text/plain":
                    if (text == null)
                    {
                        throw new ArgumentException($"The content of {InputExcerpt.Of(path, 200)} is bytes; use encoding 'b64' or 'gz+b64' for binary content.", "WriteFile");
                    }

                    return new CloudConfigFile(path, text, permissions, owner, append, defer);
                case "b64":
                case "base64":
                case "gz+b64":
                case "gzip":
                    byte[] payload = bytes ?? new System.Text.UTF8Encoding(false).GetBytes(text!);
                    return CloudConfigFile.FromBytes(path, payload, gzip: encoding == "gz+b64" || encoding == "gzip", permissions, owner, append, defer);
                default:
                    throw new ArgumentException($"{InputExcerpt.Of(encoding)} is not an encoding New-CloudConfig writes (text, b64, gz+b64).", "WriteFile");
            }
        }

        /// <summary>A runcmd/bootcmd entry: a string is a /bin/sh line, an array is an argument vector run without a shell.</summary>
        public static CloudConfigCommand ToCommand(object value, string parameterName)
        {
            object item = Unwrap(value) ?? throw new ArgumentException("A command is null.", parameterName);
            switch (item)
            {
                case CloudConfigCommand command:
                    return command;
                case string line:
                    return CloudConfigCommand.Shell(line);
                case IEnumerable arguments:
                    return CloudConfigCommand.Exec(arguments.Cast<object?>().Select(a => Unwrap(a) is string s ? s : throw new ArgumentException($"An argument of a command vector is a {Unwrap(a)?.GetType().Name ?? "null"}, not a string.", parameterName)).ToArray());
                default:
                    throw new ArgumentException($"A command is a {item.GetType().Name}; give a string (a shell line) or an array of strings (a program and its arguments).", parameterName);
            }
        }

        /// <summary>An apt source from a hashtable: name, source, and optionally key (an armored block) or keyid.</summary>
        public static CloudConfigAptSource ToAptSource(object value)
        {
            object item = Unwrap(value) ?? throw new ArgumentException("An apt source is null.", "AptSource");
            if (item is CloudConfigAptSource source)
            {
                return source;
            }

            var fields = Fields(item, "AptSource", AptSourceKeys);
            return new CloudConfigAptSource(
                RequiredString(fields, "name", "AptSource"),
                RequiredString(fields, "source", "AptSource"),
                OptionalString(fields, "key", "AptSource"),
                OptionalString(fields, "keyid", "AptSource"));
        }

        /// <summary>power_state from a mode ('reboot', 'poweroff', 'halt') or a hashtable: mode, delay (minutes), message, timeout (seconds or a TimeSpan), condition.</summary>
        public static CloudConfigPowerState ToPowerState(object value)
        {
            object item = Unwrap(value) ?? throw new ArgumentException("The power state is null.", "PowerState");
            switch (item)
            {
                case CloudConfigPowerState state:
                    return state;
                case string mode:
                    return new CloudConfigPowerState(Mode(mode));
                case PowerStateMode mode:
                    return new CloudConfigPowerState(mode);
            }

            var fields = Fields(item, "PowerState", PowerStateKeys);
            PowerStateMode powerMode = Mode(RequiredString(fields, "mode", "PowerState"));
            int? delay = null;
            object? delayValue = Unwrap(fields.TryGetValue("delay", out object? d) ? d : fields.TryGetValue("delayminutes", out object? dm) ? dm : null);
            if (delayValue != null && !(delayValue is string now && now == "now"))
            {
                delay = ToInt(delayValue, "delay");
            }

            TimeSpan? timeout = null;
            object? timeoutValue = Unwrap(fields.TryGetValue("timeout", out object? t) ? t : null);
            if (timeoutValue is TimeSpan span)
            {
                timeout = span;
            }
            else if (timeoutValue != null)
            {
                timeout = TimeSpan.FromSeconds(ToInt(timeoutValue, "timeout"));
            }

            return new CloudConfigPowerState(powerMode, delay, OptionalString(fields, "message", "PowerState"), timeout, Boolean(fields, "condition", "PowerState"));
        }

        /// <summary>A plain .NET tree of a PowerShell value, walked with bounds (see <see cref="PlainTree"/>).</summary>
        public static object? ToPlainTree(object? value, string path) => PlainTree.From(value, path);

        /// <summary>-AdditionalConfig as a plain dictionary, checked by writing it (types, keys, surrogates).</summary>
        public static IDictionary ToAdditionalConfig(object value)
        {
            if (!(ToPlainTree(value, "AdditionalConfig") is IDictionary map))
            {
                throw new ArgumentException("-AdditionalConfig must be a hashtable (or PSCustomObject) of cloud-config keys.", "AdditionalConfig");
            }

            new CloudConfigYamlWriter().WriteMapping(map);
            return map;
        }

        /// <summary>network-config text: a string as given, or a hashtable written as YAML (version 1 or 2).</summary>
        public static string ToNetworkConfig(object value)
        {
            object? item = Unwrap(value);
            if (item is string text)
            {
                if (text.Trim().Length == 0)
                {
                    throw new ArgumentException("The network-config text is empty.", "NetworkConfig");
                }

                return text;
            }

            if (ToPlainTree(value, "NetworkConfig") is IDictionary map)
            {
                return new CloudConfigYamlWriter().WriteMapping(map);
            }

            throw new ArgumentException("-NetworkConfig must be YAML text or a hashtable such as @{ version = 2; ethernets = @{ eth0 = @{ dhcp4 = $true } } }.", "NetworkConfig");
        }

        public static object? Unwrap(object? value)
        {
            while (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject))
            {
                value = wrapped.BaseObject;
            }

            return value;
        }

        private static CloudConfigUser WithKeys(CloudConfigUser user, IEnumerable<string> keys) =>
            new CloudConfigUser(user.Name, user.Groups, user.Shell, user.Sudo, user.SshAuthorizedKeys.Select(k => k.ToString()).Concat(keys), user.LockPassword);

        private static PowerStateMode Mode(string mode)
        {
            switch (mode.ToLowerInvariant())
            {
                case "reboot":
                    return PowerStateMode.Reboot;
                case "poweroff":
                    return PowerStateMode.Poweroff;
                case "halt":
                    return PowerStateMode.Halt;
                default:
                    throw new ArgumentException($"{InputExcerpt.Of(mode)} is not a power state mode (reboot, poweroff or halt).", "PowerState");
            }
        }
    }
}
