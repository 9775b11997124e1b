using System;
using System.Globalization;
using System.Management.Automation;

namespace AptReady.Cmdlets.CloudInit
{
    /// <summary>
    /// Reads a bare number as seconds: PowerShell alone would turn -Timeout 600 into 600 ticks (60 µs).
    /// TimeSpan values and strings ("00:10:00") pass through unchanged.
    /// </summary>
    internal sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                int seconds => TimeSpan.FromSeconds(seconds),
                long seconds => TimeSpan.FromSeconds(seconds),
                double seconds => TimeSpan.FromSeconds(seconds),
                decimal seconds => TimeSpan.FromSeconds((double)seconds),
                string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) => TimeSpan.FromSeconds(seconds),
                _ => inputData,
            };
        }
    }

    /// <summary>A TimeSpan parameter must be positive and at most <see cref="MaxSeconds"/> seconds.</summary>
    internal sealed class ValidatePositiveTimeSpanAttribute : ValidateArgumentsAttribute
    {
        public ValidatePositiveTimeSpanAttribute(int maxSeconds)
        {
            MaxSeconds = maxSeconds;
        }

        public int MaxSeconds { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is TimeSpan span))
            {
                throw new ValidationMetadataException($"'{arguments}' is not a time span.");
            }

            if (span <= TimeSpan.Zero)
            {
                throw new ValidationMetadataException($"The time span must be positive; it was {span}.");
            }

            if (span > TimeSpan.FromSeconds(MaxSeconds))
            {
                throw new ValidationMetadataException($"The time span must be at most {TimeSpan.FromSeconds(MaxSeconds)}; it was {span}.");
            }
        }
    }
}
