using System;
using System.Management.Automation;
using AptReady.Core;
using AptReady.Core.CloudConfig;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>What a New-CloudConfig argument is, for its validation at binding time.</summary>
    public enum CloudConfigArgumentKind
    {
        User,
        SshAuthorizedKey,
        HostName,
        Fqdn,
        Timezone,
        Locale,
        Package,
        WriteFile,
        RunCommand,
        BootCommand,
        AptProxy,
        AptSource,
        PowerState,
        AdditionalConfig,
        NetworkConfig,
        KnownHostsName,
    }

    /// <summary>
    /// Checks each element of a New-CloudConfig argument with the same conversion the cmdlet uses, so a bad
    /// value is a parameter validation error (ParameterArgumentValidationError) whose message names it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateCloudConfigAttribute : ValidateEnumeratedArgumentsAttribute
    {
        public ValidateCloudConfigAttribute(CloudConfigArgumentKind kind)
        {
            Kind = kind;
        }

        public CloudConfigArgumentKind Kind { get; }

        protected override void ValidateElement(object element)
        {
            try
            {
                Check(Kind, element);
            }
            catch (ArgumentException ex)
            {
                throw new ValidationMetadataException(ex.Message, ex);
            }
        }

        internal static void Check(CloudConfigArgumentKind kind, object element)
        {
            object? value = CloudConfigArguments.Unwrap(element);
            string? text = value as string;
            switch (kind)
            {
                case CloudConfigArgumentKind.User:
                    CloudConfigArguments.ToUser(element, Array.Empty<string>());
                    break;
                case CloudConfigArgumentKind.SshAuthorizedKey:
                    CloudConfigArguments.KeyLines(new[] { Text(text, kind) });
                    break;
                case CloudConfigArgumentKind.HostName:
                    CloudConfigInput.HostName(Text(text, kind), "HostName");
                    break;
                case CloudConfigArgumentKind.Fqdn:
                    CloudConfigInput.FullyQualifiedDomainName(Text(text, kind), "Fqdn");
                    break;
                case CloudConfigArgumentKind.Timezone:
                    CloudConfigInput.Timezone(Text(text, kind), "Timezone");
                    break;
                case CloudConfigArgumentKind.Locale:
                    CloudConfigInput.Locale(Text(text, kind), "Locale");
                    break;
                case CloudConfigArgumentKind.Package:
                    CloudConfigInput.PackageName(Text(text, kind), "Package");
                    break;
                case CloudConfigArgumentKind.WriteFile:
                    CloudConfigArguments.ToFile(element);
                    break;
                case CloudConfigArgumentKind.RunCommand:
                case CloudConfigArgumentKind.BootCommand:
                    CloudConfigArguments.ToCommand(element, kind.ToString());
                    break;
                case CloudConfigArgumentKind.AptProxy:
                    CloudConfigInput.HttpUri(Text(text, kind), "AptProxy");
                    break;
                case CloudConfigArgumentKind.AptSource:
                    CloudConfigArguments.ToAptSource(element);
                    break;
                case CloudConfigArgumentKind.PowerState:
                    CloudConfigArguments.ToPowerState(element);
                    break;
                case CloudConfigArgumentKind.AdditionalConfig:
                    CloudConfigArguments.ToAdditionalConfig(element);
                    break;
                case CloudConfigArgumentKind.NetworkConfig:
                    CloudConfigArguments.ToNetworkConfig(element);
                    break;
                case CloudConfigArgumentKind.KnownHostsName:
                    if (!System.Net.IPAddress.TryParse(Text(text, kind), out _))
                    {
                        CloudConfigInput.HostName(text!, "KnownHostsName");
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown argument kind.");
            }
        }

        private static string Text(string? text, CloudConfigArgumentKind kind) =>
            text ?? throw new ArgumentException($"-{kind} takes strings.", kind.ToString());
    }

    /// <summary>The same check for a single (not enumerated) argument such as a hashtable or a power state.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateCloudConfigValueAttribute : ValidateArgumentsAttribute
    {
        public ValidateCloudConfigValueAttribute(CloudConfigArgumentKind kind)
        {
            Kind = kind;
        }

        public CloudConfigArgumentKind Kind { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments == null)
            {
                throw new ValidationMetadataException($"-{Kind} cannot be null.");
            }

            try
            {
                ValidateCloudConfigAttribute.Check(Kind, arguments);
            }
            catch (InvalidInputException)
            {
                // A cycle, a nesting too deep, too many values: the cmdlet reports these under their own ids.
            }
            catch (ArgumentException ex)
            {
                throw new ValidationMetadataException(ex.Message, ex);
            }
        }
    }
}
