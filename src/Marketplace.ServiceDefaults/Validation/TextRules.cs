namespace Marketplace.ServiceDefaults.Validation;

/// <summary>Which characters a text a caller sends may contain: no control characters, no unpaired surrogates.</summary>
public static class TextRules
{
    /// <summary>
    /// True when <paramref name="value"/> holds a C0 or C1 control character or DEL (line breaks and
    /// tabs allowed only when <paramref name="multiline"/>), or half of a surrogate pair on its own.
    /// </summary>
    public static bool HasForbiddenCharacters(ReadOnlySpan<char> value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                return true;
            }
            if (char.IsLowSurrogate(c))
            {
                return true;
            }
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }
        return false;
    }
}
