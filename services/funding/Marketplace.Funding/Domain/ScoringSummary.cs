namespace Marketplace.Funding.Domain;

/// <summary>One assessor's score on one criterion, flagged when it lies further from the criterion's mean than the threshold.</summary>
public sealed record ScoreCell(Guid AssessorId, int Score, decimal DeviationFromMean, bool Outlier);

public sealed record CriterionSummary(string Criterion, string NameEn, string NameZh, int MaxScore, int PassMark, decimal? Average, bool? Passed, IReadOnlyList<ScoreCell> Scores);

/// <summary>The scoring view of an application: averages per criterion, each assessor's scores with outliers flagged, recommendations counted.</summary>
public sealed record ScoringSummary(IReadOnlyList<CriterionSummary> Criteria, int Scored, int Fund, int DoNotFund, bool AllPassed);

public static class Scoring
{
    /// <summary>
    /// Averages (two decimals) over the assessors who scored; a score is an outlier when it is more
    /// than <paramref name="outlierPointsPerTen"/> points per 10 of the criterion's maximum from the
    /// mean (2 on a 10-point scale flags a 9 against a mean of 6.5).
    /// </summary>
    public static ScoringSummary Summarise(Scheme scheme, IEnumerable<AssessorAssignment> assessments, decimal outlierPointsPerTen)
    {
        var scored = assessments.Where(a => a.Scored).OrderBy(a => a.AssessorId).ToList();
        var criteria = scheme.Criteria.Select(c =>
        {
            var cells = scored.Select(a => (a.AssessorId, Score: a.Scores!.First(s => s.Criterion == c.Code).Score)).ToList();
            decimal? mean = cells.Count == 0 ? null : (decimal)cells.Sum(x => x.Score) / cells.Count;
            var threshold = outlierPointsPerTen * c.MaxScore / 10m;
            var rows = cells.Select(x => new ScoreCell(x.AssessorId, x.Score, Math.Round(x.Score - mean!.Value, 2), Math.Abs(x.Score - mean.Value) > threshold)).ToList();
            return new CriterionSummary(c.Code, c.NameEn, c.NameZh, c.MaxScore, c.PassMark, mean is null ? null : Math.Round(mean.Value, 2), mean is null ? null : mean >= c.PassMark, rows);
        }).ToList();
        return new ScoringSummary(criteria, scored.Count, scored.Count(a => a.Recommendation == Recommendation.Fund),
            scored.Count(a => a.Recommendation == Recommendation.DoNotFund), scored.Count > 0 && criteria.All(c => c.Passed == true));
    }
}
