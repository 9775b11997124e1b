using System;
using System.Management.Automation;
using AptReady.Core.Apt;

namespace AptReady.Cmdlets.Apt
{
    /// <summary>
    /// Checks each -Package value against Debian's package-name rules at parameter binding, so a
    /// hostile or mistyped name is a parameter validation error before any host is contacted.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidatePackageSpecAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            if (element is PSObject wrapped)
            {
                element = wrapped.BaseObject;
            }

            if (!(element is string value))
            {
                throw new ValidationMetadataException("A package is given by name, as a string.");
            }

            try
            {
                PackageSpec.Parse(value);
            }
            catch (ArgumentException ex)
            {
                // PackageSpec's message names the value with control characters made visible.
                throw new ValidationMetadataException(ex.Message.Replace(Environment.NewLine + "Parameter name: value", string.Empty).Replace(" (Parameter 'value')", string.Empty));
            }
        }
    }
}
