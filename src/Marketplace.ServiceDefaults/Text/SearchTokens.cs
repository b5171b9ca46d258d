using System.Globalization;
using System.Text;

namespace Marketplace.ServiceDefaults.Text;

/// <summary>
/// The one tokenizer behind indexing and querying, so both database engines (PostgreSQL's "simple"
/// text search configuration, SQLite FTS5's unicode61 tokenizer) see the same space-separated tokens.
/// Chinese has no spaces: a run of CJK characters becomes its overlapping character bigrams (醫療服務 →
/// 醫療 療服 服務), so any two-character query such as 醫療 finds it; a single character stays itself.
/// Latin words are lower-cased and reduced by the S-stemmer (hospitals → hospital, queries → query).
/// </summary>
public static class SearchTokens
{
    /// <summary>The indexed form of some texts: every token once, in first-seen order.</summary>
    public static string Index(params string?[] texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new List<string>();
        foreach (var text in texts)
        {
            foreach (var token in Tokenize(text))
            {
                if (seen.Add(token))
                {
                    tokens.Add(token);
                }
            }
        }
        return string.Join(' ', tokens);
    }

    /// <summary>The distinct tokens of a query (all must match).</summary>
    public static IReadOnlyList<string> Query(string? query) => Tokenize(query).Distinct(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Tokenize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var word = new StringBuilder();
        var cjk = new StringBuilder();
        foreach (var c in normalized)
        {
            if (IsCjk(c))
            {
                foreach (var token in FlushWord(word))
                {
                    yield return token;
                }
                cjk.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                foreach (var token in FlushCjk(cjk))
                {
                    yield return token;
                }
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                foreach (var token in FlushWord(word).Concat(FlushCjk(cjk)))
                {
                    yield return token;
                }
            }
        }
        foreach (var token in FlushWord(word).Concat(FlushCjk(cjk)))
        {
            yield return token;
        }
    }

    private static IEnumerable<string> FlushWord(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return [];
        }
        var token = Stem(word.ToString());
        word.Clear();
        return [token];
    }

    private static List<string> FlushCjk(StringBuilder run)
    {
        var tokens = new List<string>();
        if (run.Length == 1)
        {
            tokens.Add(run.ToString());
        }
        for (var i = 0; i + 1 < run.Length; i++)
        {
            tokens.Add(run.ToString(i, 2));
        }
        run.Clear();
        return tokens;
    }

    /// <summary>Harman's S-stemmer: plural endings only, so it never merges unrelated words.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }

    public static bool IsCjk(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter
        && c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
