using System;
using System.Globalization;
using System.Management.Automation;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// How every time span a person gives AptReady is read: a bare number is seconds (PowerShell alone
    /// would read -ConnectTimeout 3 as 3 ticks), a TimeSpan or a string like "00:10:00" is itself.
    /// </summary>
    internal static class TimeSpanArgument
    {
        /// <summary>
        /// The longest any wait may be: a day, the longest deadline the cloud-init wait script takes.
        /// Longer is a slip of the keyboard, and TimeSpan.MaxValue would overflow deadline arithmetic.
        /// </summary>
        public const int MaxSeconds = AptReady.Core.CloudInit.CloudInitProbe.MaxDeadlineSeconds;

        public const string Expected = "a number of seconds or a time span such as 00:10:00";

        /// <summary>The time span VALUE names, or null when it is not a number, a TimeSpan or a string.</summary>
        /// <exception cref="ArgumentException">A number or string that is no time span (NaN, too large, "soon").</exception>
        public static TimeSpan? Read(object? value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                    return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture), value);
                case string text:
                    if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                    {
                        return FromSeconds(seconds, text);
                    }

                    if (TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out TimeSpan parsed))
                    {
                        return parsed;
                    }

                    throw new ArgumentException($"'{text}' is not {Expected}.");
                default:
                    return null;
            }
        }

        /// <summary>Why SPAN cannot be a wait, or null when it can: more than zero, at most a day.</summary>
        public static string? Problem(TimeSpan span) =>
            span <= TimeSpan.Zero || span > TimeSpan.FromSeconds(MaxSeconds)
                ? $"It must be more than 0 and at most {MaxSeconds} seconds (1.00:00:00); it was {span}."
                : null;

        /// <summary>A wait given in a hashtable or object (not bound by PowerShell): read and checked here.</summary>
        /// <exception cref="ArgumentException">Not a time span, or not a valid wait.</exception>
        public static TimeSpan ReadWait(object value, string name)
        {
            TimeSpan span;
            try
            {
                span = Read(value) ?? throw new ArgumentException($"'{value}' is not {Expected}.");
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException($"{name}: {ex.Message}", ex);
            }

            string? problem = Problem(span);
            return problem == null ? span : throw new ArgumentException($"{name}: {problem}");
        }

        private static TimeSpan FromSeconds(double seconds, object original)
        {
            // TimeSpan.FromSeconds throws OverflowException past ~29 000 years and for NaN: one message for all.
            if (double.IsNaN(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds - 1)
            {
                throw new ArgumentException($"{original} is not a number of seconds a time span can hold.");
            }

            return TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>Reads a bare number as seconds on a TimeSpan parameter; TimeSpans and "00:10:00" strings pass as themselves.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecondsOrTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            try
            {
                return TimeSpanArgument.Read(inputData) is TimeSpan span ? span : inputData;
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }

    /// <summary>A TimeSpan parameter that is a wait: more than zero and at most <see cref="TimeSpanArgument.MaxSeconds"/> seconds.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateWaitAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            string? problem = value is TimeSpan span ? TimeSpanArgument.Problem(span) : $"'{arguments}' is not a time span.";
            if (problem != null)
            {
                throw new ValidationMetadataException(problem);
            }
        }
    }
}
