using System.Globalization;

namespace Marketplace.SoakTests;

/// <summary>
/// How long and how hard the soak runs: short by default, so the suite stays inside its budget, longer by
/// <c>MARKETPLACE_SOAK_MINUTES</c>; the request rate by <c>MARKETPLACE_SOAK_RATE</c>.
/// </summary>
public sealed record SoakSettings(TimeSpan Duration, double RequestsPerSecond, TimeSpan WarmUp, TimeSpan SampleInterval)
{
    public const string MinutesVariable = "MARKETPLACE_SOAK_MINUTES";
    public const string RateVariable = "MARKETPLACE_SOAK_RATE";
    public const double DefaultMinutes = 3;
    public const double DefaultRate = 30;

    public static SoakSettings FromEnvironment()
    {
        var duration = TimeSpan.FromMinutes(Read(MinutesVariable, DefaultMinutes, 0.5, 24 * 60));
        var rate = Read(RateVariable, DefaultRate, 1, 500);
        // A minute lets the JIT, the connection pools and the GC's budgets settle; a short trial run still keeps two thirds to measure.
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 3));
        return new(duration, rate, warmUp, TimeSpan.FromSeconds(2));
    }

    private static double Read(string variable, double fallback, double min, double max)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } text)
        {
            return fallback;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{variable} is '{text}'; it must be a number from {min} to {max}.");
    }
}
