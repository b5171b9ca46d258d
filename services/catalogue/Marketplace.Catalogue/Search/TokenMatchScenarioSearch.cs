using System.Linq.Expressions;
using Marketplace.Catalogue.Data;
using Marketplace.Catalogue.Domain;

namespace Marketplace.Catalogue.Search;

/// <summary>
/// SQL Server (docs/decisions/0015): no full-text catalogue, the stored token columns matched with
/// LIKE. A token matches when it is one of the space-separated tokens of the title or the body, which is
/// what the PostgreSQL and FTS5 indexes match too; rank is 10 for a token in the title and 1 for one in
/// the body (FTS5's weights, without its length normalisation). Plain LINQ, so it stays composable like
/// the other engines' queries; it scans the scenarios instead of reading an index.
/// </summary>
public sealed class TokenMatchScenarioSearch : IScenarioSearch
{
    private const double TitleWeight = 10.0;
    private const double BodyWeight = 1.0;

    // One token's weight; `pattern` becomes a query parameter, the padding makes a token match only whole.
    private static readonly Expression<Func<Scenario, string, double>> s_weight = (s, pattern) =>
        ((" " + s.SearchTitle + " ").Contains(pattern) ? TitleWeight : 0.0) +
        ((" " + s.SearchBody + " ").Contains(pattern) ? BodyWeight : 0.0);

    public IQueryable<SearchHit> Hits(CatalogueDbContext db, IReadOnlyList<string> tokens)
    {
        var scenarios = db.Scenarios.AsQueryable();
        var patterns = tokens.Select(t => new Pattern($" {t} ")).ToList();
        foreach (var pattern in patterns)
        {
            scenarios = scenarios.Where(s => (" " + s.SearchTitle + " ").Contains(pattern.Value) || (" " + s.SearchBody + " ").Contains(pattern.Value));
        }
        return scenarios.Select(Ranked(patterns));
    }

    private static Expression<Func<Scenario, SearchHit>> Ranked(IReadOnlyList<Pattern> patterns)
    {
        var scenario = s_weight.Parameters[0];
        Expression rank = Expression.Constant(0.0);
        foreach (var pattern in patterns)
        {
            // A member of a captured object, not a constant, so EF sends each token as a parameter.
            Expression<Func<string>> value = () => pattern.Value;
            rank = Expression.Add(rank, new Substitution(s_weight.Parameters[1], value.Body).Visit(s_weight.Body));
        }
        var hit = Expression.MemberInit(Expression.New(typeof(SearchHit)),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.ScenarioId))!, Expression.Property(scenario, nameof(Scenario.Id))),
            Expression.Bind(typeof(SearchHit).GetProperty(nameof(SearchHit.Rank))!, rank));
        return Expression.Lambda<Func<Scenario, SearchHit>>(hit, scenario);
    }

    private sealed record Pattern(string Value);

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
